package views

import (
	"strings"
	"testing"
)

// The editor's time inputs are 24-hour text fields pointing at the visible
// format hint (and at the range's message when it has one), never
// type="time", which Chromium shows in the browser's locale ("05:00 PM").
func TestHoursEditorTimeInputs(t *testing.T) {
	v := HoursEditor{Kind: "call center", Action: "/callcenters/1", PreviewURL: "/callcenters/1/preview",
		Days: []HoursDay{{Field: "monday_hours", Label: "Monday", Bar: DayBar{Now: -1},
			Ranges: []HoursRange{{Open: "08:00", Close: "12:00"}, {Open: "25:00", Close: "17:00"}}}},
		FieldErrors: map[string]string{"monday_hours.1": `Opening time "25:00" is not a 24-hour time like 09:00.`}}
	out := render(t, HoursEditorForm(v))
	for _, want := range []string{
		`id="he-time-hint"`, "24-hour, HH:MM",
		`type="text" name="monday_hours" value="08:00" inputmode="numeric" pattern="` + ClockPattern + `" maxlength="5"`,
		`placeholder="09:00" aria-label="Monday, range 1, opens" aria-describedby="he-time-hint" data-testid="open-monday_hours-0"`,
		`value="25:00"`,
		`aria-label="Monday, range 2, opens" aria-describedby="he-time-hint error-monday_hours.1" aria-invalid="true"`,
		`id="error-monday_hours.1"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("editor lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, `type="time"`) {
		t.Error(`editor still has type="time" inputs`)
	}
}

func TestConflictPanelView(t *testing.T) {
	if out := render(t, ConflictPanelView(ConflictPanel{Kind: "call center"})); strings.TrimSpace(out) != "" {
		t.Errorf("an empty panel rendered %q", out)
	}
	out := render(t, ConflictPanelView(ConflictPanel{Kind: "router", Rows: []ConflictRow{
		{Field: "routing_url", Label: "Routing URL", Mine: "https://a.example/<x>", Theirs: "https://b.example", TakeTheirs: true},
	}}))
	for _, want := range []string{
		"Someone changed this router in Dialpad",
		"Your value", "Current value in Dialpad",
		`name="_conflict.routing_url" value="mine" data-testid="keep-mine-routing_url"`,
		`name="_conflict.routing_url" value="theirs" checked`,
		"https://a.example/&lt;x&gt;",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("panel lacks %s:\n%s", want, out)
		}
	}
}

func TestHoursEditorFormReadOnly(t *testing.T) {
	v := HoursEditor{Kind: "call center", Action: "/callcenters/1", PreviewURL: "/callcenters/1/preview",
		ReadOnly: true, ReadOnlyNote: "You can look but not change.",
		Days: []HoursDay{{Field: "monday_hours", Label: "Monday", Ranges: []HoursRange{{Open: "08:00", Close: "12:00"}}, Bar: DayBar{Now: -1}}}}
	out := render(t, HoursEditorForm(v))
	for _, want := range []string{`<fieldset class="he-fieldset" disabled>`, "You can look but not change.", `value="08:00"`} {
		if !strings.Contains(out, want) {
			t.Errorf("read-only form lacks %s", want)
		}
	}
	for _, absent := range []string{"hx-post", `name="_action"`, `data-testid="save"`} {
		if strings.Contains(out, absent) {
			t.Errorf("read-only form has %s", absent)
		}
	}
}
