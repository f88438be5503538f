package dialpad

import (
	"bytes"
	"errors"
	"testing"
)

// frames repeats an MPEG frame of n bytes starting with header.
func frames(header []byte, n, count int) []byte {
	var out []byte
	for range count {
		f := make([]byte, n)
		copy(f, header)
		out = append(out, f...)
	}
	return out
}

func TestSniffMP3(t *testing.T) {
	mpeg1L3 := []byte{0xFF, 0xFB, 0x14, 0xC4}    // 32 kbit/s, 48 kHz: 96-byte frames
	mpeg2L3 := []byte{0xFF, 0xF3, 0x90, 0x44}    // 80 kbit/s, 22.05 kHz: 261-byte frames
	mpeg1L1 := []byte{0xFF, 0xFF, 0x10, 0x44}    // 32 kbit/s, 44.1 kHz: 32-byte frames
	mpeg1L2pad := []byte{0xFF, 0xFD, 0x12, 0x44} // 32 kbit/s, 44.1 kHz, padded: 105-byte frames
	huge := append([]byte("ID3\x04\x00\x00\x00\x00\x00\x00"), make([]byte, MaxMP3Bytes)...)

	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"id3 tag", []byte("ID3\x04\x00\x00\x00\x00\x00\x00 rest of the file"), nil},
		{"id3v2.2 tag", []byte("ID3\x02\x00\x00\x00\x00\x01\x7f"), nil},
		{"mpeg-1 layer III frames", frames(mpeg1L3, 96, 10), nil},
		{"one frame only", frames(mpeg1L3, 96, 1), nil},
		{"mpeg-2 layer III frames", frames(mpeg2L3, 261, 3), nil},
		{"mpeg-1 layer I frames", frames(mpeg1L1, 32, 3), nil},
		{"padded layer II frames", frames(mpeg1L2pad, 105, 3), nil},
		{"empty", nil, ErrMP3Empty},
		{"too large", huge, ErrMP3TooLarge},
		{"text", []byte("hello, this is not audio\n"), ErrNotMP3},
		{"wav", []byte("RIFF\x24\x08\x00\x00WAVEfmt "), ErrNotMP3},
		{"id3 bad version", []byte("ID3\x09\x00\x00\x00\x00\x00\x00"), ErrNotMP3},
		{"id3 bad revision", []byte("ID3\x03\xff\x00\x00\x00\x00\x00"), ErrNotMP3},
		{"id3 size not syncsafe", []byte("ID3\x03\x00\x00\x80\x00\x00\x00"), ErrNotMP3},
		{"id3 truncated", []byte("ID3\x03"), ErrNotMP3},
		{"sync only", []byte{0xFF, 0xFB}, ErrNotMP3},
		{"reserved version", []byte{0xFF, 0xEB, 0x14, 0xC4}, ErrNotMP3},
		{"reserved layer", []byte{0xFF, 0xF9, 0x14, 0xC4}, ErrNotMP3},
		{"free bitrate", []byte{0xFF, 0xFB, 0x04, 0xC4}, ErrNotMP3},
		{"bad bitrate", []byte{0xFF, 0xFB, 0xF4, 0xC4}, ErrNotMP3},
		{"reserved sample rate", []byte{0xFF, 0xFB, 0x1C, 0xC4}, ErrNotMP3},
		{"reserved emphasis", []byte{0xFF, 0xFB, 0x14, 0xC6}, ErrNotMP3},
		{"no second frame", append(frames(mpeg1L3, 96, 1), bytes.Repeat([]byte{0x41}, 50)...), ErrNotMP3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := SniffMP3(tt.in); !errors.Is(err, tt.want) {
				t.Errorf("SniffMP3 = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestMPEGFrameLen(t *testing.T) {
	for _, tt := range []struct {
		header []byte
		want   int
	}{
		{[]byte{0xFF, 0xFB, 0x14, 0xC4}, 96},  // MPEG-1 III, 32 kbit/s, 48 kHz
		{[]byte{0xFF, 0xFB, 0x90, 0x44}, 417}, // MPEG-1 III, 128 kbit/s, 44.1 kHz
		{[]byte{0xFF, 0xFB, 0x92, 0x44}, 418}, // the same, padded
		{[]byte{0xFF, 0xF3, 0x90, 0x44}, 261}, // MPEG-2 III, 80 kbit/s, 22.05 kHz
		{[]byte{0xFF, 0xE3, 0x10, 0x44}, 52},  // MPEG-2.5 III, 8 kbit/s, 11.025 kHz
		{[]byte{0xFF, 0xFF, 0x10, 0x44}, 32},  // MPEG-1 I, 32 kbit/s, 44.1 kHz
		{[]byte{0xFF, 0xFD, 0x12, 0x44}, 105}, // MPEG-1 II, 32 kbit/s, 44.1 kHz, padded
	} {
		if got, ok := mpegFrameLen(tt.header); !ok || got != tt.want {
			t.Errorf("mpegFrameLen(% X) = %d, %v; want %d", tt.header, got, ok, tt.want)
		}
	}
}
