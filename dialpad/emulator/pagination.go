package emulator

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
)

// paginate cuts one page out of items, as the query's limit and cursor ask.
// The cursor is opaque to clients (as Dialpad's is) but simply encodes the
// offset of the next page. maxSize caps a page below the limit asked for
// (Options.PageSize): a server may answer fewer items than asked, and tests
// use small pages to walk cursors.
func paginate[T any](items []T, q url.Values, maxSize int, wire func(T) json.RawMessage) (list, error) {
	size, err := pageLimit(q)
	if err != nil {
		return list{}, err
	}
	size = min(size, maxSize)
	cursor := q.Get("cursor")
	off := 0
	if cursor != "" {
		var err error
		if off, err = decodeCursor(cursor); err != nil || off > len(items) {
			return list{}, badRequest("cursor is not valid")
		}
	}
	end := min(off+size, len(items))
	out := list{Items: make([]json.RawMessage, 0, end-off)}
	for _, it := range items[off:end] {
		out.Items = append(out.Items, wire(it))
	}
	if end < len(items) {
		out.Cursor = encodeCursor(end)
	}
	return out, nil
}

// The spec: "List APIs support a limit and cursor parameter"; it gives no
// default and, for users, refuses more than 100 with a 400. The stricter
// reading for every list: 1 to 100, anything else (0, negative, not a
// number, more than 100) a 400; 25 when the request names no limit.
const (
	defaultLimit = 25
	maxLimit     = 100
)

// pageLimit reads the limit query parameter.
func pageLimit(q url.Values) (int, error) {
	if !q.Has("limit") {
		return defaultLimit, nil
	}
	n, err := strconv.Atoi(q.Get("limit"))
	if err != nil || n < 1 || n > maxLimit {
		return 0, badRequest("limit must be a whole number from 1 to %d", maxLimit)
	}
	return n, nil
}

const cursorPrefix = "offset:"

func encodeCursor(off int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(off)))
}

func decodeCursor(c string) (int, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(strings.TrimPrefix(string(b), cursorPrefix))
	if err != nil || n < 0 || !strings.HasPrefix(string(b), cursorPrefix) {
		return 0, badRequest("cursor is not valid")
	}
	return n, nil
}
