package views

// FieldsMarker is the name of a hidden input that sits beside each control
// a browser leaves out of a post when it is empty: an unchecked box, a day
// with no time ranges. Its value is that control's field name. With it a
// handler can tell "the person emptied this" (marked, absent) from "this
// was not posted" (neither), which must change nothing.
const FieldsMarker = "_fields"
