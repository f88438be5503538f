package handlers

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/audit"
	"switchboard/views"
)

// IVRCopyUpload takes the upload to several targets (multipart: ivr_type,
// name, description, target_id repeated, file last) and uploads the MP3 to
// each chosen target in turn, then lists what came of each: uploaded,
// refused (with Dialpad's reason) or may have been applied. The file is
// checked as the single upload checks it (dialpad.SniffMP3); a wrong file,
// field or target answers 422 with plain messages and the fields kept,
// and sends nothing. Each target is judged by its own office.
func (h *Handler) IVRCopyUpload(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, ivrUploadMaxBody)
	f, file, fileName, readErr := readIVRUpload(r)
	if readErr != nil && !errors.Is(readErr, errUploadTooLarge) {
		h.RenderError(w, r, http.StatusBadRequest, "Unreadable upload",
			"Switchboard could not read the upload, so nothing was sent to Dialpad. Try again.")
		return
	}
	who, s, ok := h.ivrCopyUploadStart(w, r)
	if !ok {
		return
	}
	f.FileName = fileName
	f.validate(file, fileName, readErr)
	targets, problem := s.pick().chosen(who, f.Targets)
	if problem != "" {
		f.FieldErrors["target_id"] = problem
	}
	if len(f.FieldErrors) > 0 {
		h.renderIVRCopyUpload(w, r, http.StatusUnprocessableEntity, s, h.copyUploadView(r, s, f, candidateIDs(targets)))
		return
	}
	outcomes, tally := h.uploadToTargets(r.Context(), who, s.source.Kind, targets, f, file)
	if errors.Is(r.Context().Err(), context.Canceled) {
		w.WriteHeader(statusClientClosedRequest)
		return
	}
	h.logger().InfoContext(r.Context(), "ivrs: uploaded to several", "target_type", s.source.Kind.Type, "source_id", s.source.ID,
		"ivr_type", f.IVRType, "bytes", len(file), "targets", len(targets),
		"applied", tally.applied, "refused", tally.refused, "unknown", tally.unknown, "not_sent", tally.notSent)
	v := h.copyUploadView(r, s, f, nil)
	v.Outcomes, v.Summary = outcomes, tally.words(s.source.Kind, len(targets))
	h.renderIVRCopyUpload(w, r, http.StatusOK, s, v)
}

// uploadTally counts targets by outcome.
type uploadTally struct{ applied, refused, unknown, notSent int }

func (t uploadTally) words(kind ivrKind, total int) string {
	out := "Uploaded to " + strconv.Itoa(t.applied) + " of " + strconv.Itoa(total) + " " + plural(total, kind.Singular, kind.Plural) + "."
	var more []string
	if t.refused > 0 {
		more = append(more, strconv.Itoa(t.refused)+" refused by Dialpad")
	}
	if t.unknown > 0 {
		more = append(more, strconv.Itoa(t.unknown)+" may have been applied")
	}
	if t.notSent > 0 {
		more = append(more, strconv.Itoa(t.notSent)+" not sent")
	}
	if len(more) > 0 {
		out += " " + capitalize(strings.Join(more, ", ")) + "."
	}
	return out
}

// uploadToTargets uploads file to each target in turn, as bulk work: half
// of the company's burst stays free for people's own pages and saves.
// Each upload is recorded as the single upload records it; a refusal never
// stops the targets after it.
func (h *Handler) uploadToTargets(ctx context.Context, who *Identity, kind ivrKind, targets []copyCandidate,
	f ivrUploadForm, file []byte) ([]views.IVRUploadOutcome, uploadTally) {
	ctx = dialpad.WithPriority(ctx, dialpad.PriorityBulk)
	label := dialpad.IVRTypeLabel(f.IVRType)
	var (
		out   []views.IVRUploadOutcome
		tally uploadTally
	)
	for _, c := range targets {
		t := ivrTarget{Kind: kind, ID: c.ID, Name: c.Name, OfficeID: c.OfficeID}
		o := views.IVRUploadOutcome{Name: c.Name, Href: t.path() + "#type-" + f.IVRType}
		if ctx.Err() != nil {
			o.Status, o.Message = "not_sent", "Not sent: Dialpad took too long for the ones before it. Upload to this one again."
			tally.notSent++
			out = append(out, o)
			continue
		}
		created, err := who.Client.CreateCustomIVR(ctx, dialpad.CreateCustomIVR{
			Name:        f.Name,
			Description: f.Description,
			File:        file,
			IVRType:     f.IVRType,
			TargetID:    c.ID,
			TargetType:  kind.Type,
		})
		uploaded := f.Name
		if created != nil {
			uploaded = created.Name + " (" + created.ID.String() + ")"
		}
		// The record outlives the page's deadline.
		h.audit(context.WithoutCancel(ctx), who, ivrResource(t), []audit.Change{auditChange(f.IVRType+" upload", nil, uploaded)}, err)
		switch {
		case outcomeUnknown(err):
			o.Status, o.Message = "unknown", unknownOutcomeMessage(err)+" Open it to check."
			tally.unknown++
		case err != nil:
			o.Status, o.Message = "refused", UpstreamMessage(err)
			tally.refused++
		default:
			o.Status = "applied"
			o.Message = "“" + created.Name + "” for " + label + ". Dialpad plays it from now on."
			if !created.Selected {
				o.Message = "“" + created.Name + "” for " + label + ". Pick it in the " + label + " list to play it."
			}
			tally.applied++
		}
		out = append(out, o)
	}
	return out, tally
}
