package emulator

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"

	"switchboard/dialpad"
)

// maxIVRFile is the largest MP3 Dialpad takes for a custom IVR.
const maxIVRFile = 10 << 20

// createCustomIVR is POST /api/v2/customivrs: a base64 MP3 for a target and
// IVR type. The new IVR becomes the selected one, as in the spec's example.
func (e *Emulator) createCustomIVR(r *http.Request) (json.RawMessage, error) {
	body, err := readBody(r)
	if err != nil {
		return nil, err
	}
	if err := requireFields(body, customIVRCreateRequired()...); err != nil {
		return nil, err
	}
	// The file can be 13 MB of base64: read it once, apart from the rest.
	var file string
	if err := json.Unmarshal(body["file"], &file); err != nil {
		return nil, badRequest("file must be a string")
	}
	delete(body, "file")
	if err := customIVRCreateSchema().validate("", body); err != nil {
		return nil, err
	}
	var in dialpad.CreateCustomIVR
	if err := json.Unmarshal(mustMarshal(body), &in); err != nil {
		return nil, badRequest("%v", err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	officeID, ok := e.st.ivrTargetOffice(in.TargetType, in.TargetID)
	if !ok {
		return nil, badRequest("target_id: no %s with id %s", in.TargetType, in.TargetID)
	}
	if err := e.canWrite(requestUser(r), officeID); err != nil {
		return nil, err
	}
	audio, err := decodeMP3(file)
	if err != nil {
		return nil, err
	}
	name := in.Name
	if name == "" {
		name = "Untitled recording"
	}
	v := &ivrRecord{
		CustomIVR: dialpad.CustomIVR{
			ID:          e.st.ids.next(),
			Name:        name,
			Description: in.Description,
			DateAdded:   dialpad.Int(e.now().UnixMilli()),
		},
		targetType: in.TargetType,
		targetID:   in.TargetID,
		ivrType:    in.IVRType,
		audio:      audio,
	}
	e.st.ivrs.add(v.ID, v)
	e.st.selectIVR(v, "")
	return toWire(v.details()), nil
}

// decodeMP3 decodes the base64 file and checks it looks like an MP3: an ID3
// tag or an MPEG audio frame sync (eleven set bits).
func decodeMP3(file string) ([]byte, error) {
	file = strings.TrimSpace(file)
	if base64.StdEncoding.DecodedLen(len(file)) > maxIVRFile+2 {
		return nil, badRequest("file is larger than 10 MB")
	}
	b, err := base64.StdEncoding.DecodeString(file)
	if err != nil {
		if b, err = base64.RawStdEncoding.DecodeString(file); err != nil {
			return nil, badRequest("file must be base64-encoded")
		}
	}
	switch {
	case len(b) > maxIVRFile:
		return nil, badRequest("file is larger than 10 MB")
	case bytes.HasPrefix(b, []byte("ID3")):
	case len(b) >= 2 && b[0] == 0xFF && b[1]&0xE0 == 0xE0:
	default:
		return nil, badRequest("file is not an MP3 (no ID3 tag nor MPEG frame sync)")
	}
	return b, nil
}
