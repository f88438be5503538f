package handlers

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"

	"switchboard/dialpad/cache"
)

// writeThrough puts the answer of a PATCH of one resource
// (/api/v2/<collection>/<id>) in the cache in place of what it replaced:
// as that resource's GET, and as its item in every cached list page of the
// collection (matched on "id"), so lists and editors stay warm and right
// with no read again. Reads of the resource that the answer cannot
// replace (a call center's live status) are dropped; other resources'
// reads are untouched. It reports false, having changed nothing, when the
// write is not such a PATCH or its answer is not that resource: the
// caller then drops the collection.
func writeThrough(reads *cache.Cache[[]byte], scope string, w write) bool {
	coll, id, ok := patchedResource(w)
	if !ok {
		return false
	}
	item, ok := answerItem(w.answer, id)
	if !ok {
		return false
	}
	prefix := scope + coll
	reads.RewritePrefix(prefix, func(key string, body []byte) ([]byte, bool) {
		rest := strings.TrimPrefix(key, prefix)
		switch {
		case rest == "" || rest[0] == '?': // a page of the list
			return replaceItem(body, id, item)
		case rest == "/"+id:
			return item, true
		case strings.HasPrefix(rest, "/"+id+"/") || strings.HasPrefix(rest, "/"+id+"?"):
			return nil, false // derived from the resource: read again when asked
		case strings.HasPrefix(rest, "/"):
			return body, true // another resource of the collection
		}
		return nil, false
	})
	reads.Put(prefix+"/"+id, item)
	return true
}

// patchedResource is the collection path and id of a PATCH of one
// resource of a collection that can be written through.
func patchedResource(w write) (coll, id string, ok bool) {
	if w.method != http.MethodPatch {
		return "", "", false
	}
	rest, ok := strings.CutPrefix(w.path, "/api/v2/")
	if !ok {
		return "", "", false
	}
	name, id, ok := strings.Cut(rest, "/")
	if !ok || id == "" || strings.Contains(id, "/") {
		return "", "", false
	}
	switch name {
	// Their PATCH answers the resource as its GET returns it, and as its
	// item in the collection's lists (the spec's GroupProto and
	// CallRouterProto). Custom IVRs are not here: their PATCHes answer an
	// assignment or a detail record, which no read returns as such.
	case "callcenters", "departments", "callrouters":
		return "/api/v2/" + name, id, true
	}
	return "", "", false
}

// answerItem is the answer, compacted, when it is a JSON object whose id
// is id.
func answerItem(answer []byte, id string) ([]byte, bool) {
	var buf bytes.Buffer
	if json.Compact(&buf, answer) != nil {
		return nil, false
	}
	got, ok := itemID(buf.Bytes())
	return buf.Bytes(), ok && got == id
}

// itemID is an object's "id", a string or a number (Dialpad sends both).
func itemID(obj []byte) (string, bool) {
	var head struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(obj, &head) != nil || len(head.ID) == 0 {
		return "", false
	}
	var s string
	if json.Unmarshal(head.ID, &s) == nil {
		return s, s != ""
	}
	var n json.Number
	if json.Unmarshal(head.ID, &n) == nil {
		return n.String(), true
	}
	return "", false
}

// replaceItem returns the list page with its item id replaced by item;
// a page without it comes back as it was. false: the page does not parse
// as a list, and is dropped.
func replaceItem(page []byte, id string, item []byte) ([]byte, bool) {
	var env map[string]json.RawMessage
	if json.Unmarshal(page, &env) != nil {
		return nil, false
	}
	var items []json.RawMessage
	raw, ok := env["items"]
	if !ok || json.Unmarshal(raw, &items) != nil {
		return nil, false
	}
	found := false
	for i, it := range items {
		got, ok := itemID(it)
		if !ok {
			return nil, false
		}
		if got == id {
			items[i], found = item, true
		}
	}
	if !found {
		return page, true
	}
	var err error
	if env["items"], err = json.Marshal(items); err != nil {
		return nil, false
	}
	out, err := json.Marshal(env)
	return out, err == nil
}
