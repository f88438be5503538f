package dialpad

import (
	"bytes"
	"testing"
)

// FuzzSniffMP3: no input panics, and whatever passes fits the upload limit
// and starts with an ID3 tag or a frame sync.
func FuzzSniffMP3(f *testing.F) {
	f.Add([]byte("ID3\x04\x00\x00\x00\x00\x00\x00"))
	f.Add(frames([]byte{0xFF, 0xFB, 0x14, 0xC4}, 96, 2))
	f.Add(frames([]byte{0xFF, 0xF3, 0x90, 0x44}, 261, 2))
	f.Add([]byte{0xFF, 0xFF, 0xFF, 0xFF})
	f.Add([]byte("not audio"))
	f.Fuzz(func(t *testing.T, b []byte) {
		err := SniffMP3(b)
		if err != SniffMP3(b) {
			t.Fatal("SniffMP3 is not deterministic")
		}
		if err != nil {
			return
		}
		if len(b) == 0 || len(b) > MaxMP3Bytes {
			t.Fatalf("accepted %d bytes", len(b))
		}
		if !bytes.HasPrefix(b, []byte("ID3")) && (b[0] != 0xFF || b[1]&0xE0 != 0xE0) {
			t.Fatalf("accepted % X without a tag or frame sync", b[:min(len(b), 4)])
		}
	})
}
