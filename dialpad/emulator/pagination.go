package emulator

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
)

// paginate cuts one page out of items. The cursor is opaque to clients (as
// Dialpad's is) but simply encodes the offset of the next page.
func paginate[T any](items []T, cursor string, size int, wire func(T) json.RawMessage) (list, error) {
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
