package handlers

import (
	"net/url"

	"switchboard/dialpad"
	"switchboard/views"
)

// missingRecordings collects, in the order met, each recording of the
// source that previewed targets have none of the same name for: a copy
// can't give it to them, an upload of the same MP3 can.
type missingRecordings []missingRecording

type missingRecording struct {
	ivrType string
	name    string
	targets []dialpad.ID
}

func (m *missingRecordings) add(ivrType, name string, target dialpad.ID) {
	for i := range *m {
		if (*m)[i].ivrType == ivrType && (*m)[i].name == name {
			(*m)[i].targets = append((*m)[i].targets, target)
			return
		}
	}
	*m = append(*m, missingRecording{ivrType: ivrType, name: name, targets: []dialpad.ID{target}})
}

// view words each with the upload to several, filled in with its type,
// name and the targets lacking it; kinds Dialpad takes no uploads for get
// no link.
func (m missingRecordings) view(source ivrTarget) []views.IVRCopyMissing {
	var out []views.IVRCopyMissing
	for _, r := range m {
		v := views.IVRCopyMissing{Name: r.name, Label: dialpad.IVRTypeLabel(r.ivrType), Count: len(r.targets)}
		if source.Kind.canUpload() {
			q := url.Values{"ivr_type": {r.ivrType}, "name": {r.name}}
			for _, id := range r.targets {
				q.Add("target_id", id.String())
			}
			v.UploadHref = source.path() + "/copy/upload?" + q.Encode()
		}
		out = append(out, v)
	}
	return out
}
