package dialpad

import (
	"bytes"
	"errors"
)

// MaxMP3Bytes is the largest recording the console uploads. The spec sets
// no limit; 10 MB is about ten minutes at 128 kbit/s, far more than a prompt
// or a loop of hold music needs, and the base64 body is a third larger again.
const MaxMP3Bytes = 10 << 20

// Why SniffMP3 refused a file; handlers turn them into plain sentences.
var (
	ErrMP3Empty    = errors.New("dialpad: the file is empty")
	ErrMP3TooLarge = errors.New("dialpad: the file is larger than 10 MB")
	ErrNotMP3      = errors.New("dialpad: the file is not an MP3")
)

// SniffMP3 checks that b looks like an MP3 before it is base64-encoded and
// sent: an ID3v2 tag, or an MPEG audio frame header with a valid version,
// layer, bitrate and sample rate. When the file is long enough to hold a
// second frame, that frame must start where the first one says it ends, so
// random bytes that happen to begin with a frame sync are refused too.
func SniffMP3(b []byte) error {
	switch {
	case len(b) == 0:
		return ErrMP3Empty
	case len(b) > MaxMP3Bytes:
		return ErrMP3TooLarge
	case isID3v2(b):
		return nil
	}
	n, ok := mpegFrameLen(b)
	if !ok {
		return ErrNotMP3
	}
	if len(b) >= n+4 {
		if _, ok := mpegFrameLen(b[n:]); !ok {
			return ErrNotMP3
		}
	}
	return nil
}

// isID3v2 reads an ID3v2 header: "ID3", a major version 2 to 4, a revision
// other than 0xFF and a size of four 7-bit ("syncsafe") bytes.
func isID3v2(b []byte) bool {
	if len(b) < 10 || !bytes.HasPrefix(b, []byte("ID3")) {
		return false
	}
	if b[3] < 2 || b[3] > 4 || b[4] == 0xFF {
		return false
	}
	for _, s := range b[6:10] {
		if s >= 0x80 {
			return false
		}
	}
	return true
}

// MPEG audio versions as coded in the frame header.
const (
	mpeg25 = 0
	mpeg2  = 2
	mpeg1  = 3
)

// mpegFrameLen decodes the frame header at the start of b and returns the
// frame's length in bytes; ok is false when b does not start with a valid
// header.
func mpegFrameLen(b []byte) (n int, ok bool) {
	if len(b) < 4 || b[0] != 0xFF || b[1]&0xE0 != 0xE0 {
		return 0, false
	}
	version := int(b[1]>>3) & 3
	layer := 4 - int(b[1]>>1)&3 // the header codes Layer I as 3, Layer III as 1
	bitrateIndex := int(b[2] >> 4)
	rateIndex := int(b[2]>>2) & 3
	padding := int(b[2]>>1) & 1
	emphasis := int(b[3]) & 3
	if version == 1 || layer == 4 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3 || emphasis == 2 {
		return 0, false
	}
	kbps := mpegBitrate(version, layer, bitrateIndex)
	rate := mpegSampleRate(version, rateIndex)
	bps := kbps * 1000
	switch {
	case layer == 1:
		return (12*bps/rate + padding) * 4, true
	case layer == 3 && version != mpeg1:
		return 72*bps/rate + padding, true
	}
	return 144*bps/rate + padding, true
}

// mpegBitrate is the bitrate in kbit/s for an index from 1 to 14.
func mpegBitrate(version, layer, index int) int {
	var table [15]int
	switch {
	case version == mpeg1 && layer == 1:
		table = [15]int{0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}
	case version == mpeg1 && layer == 2:
		table = [15]int{0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384}
	case version == mpeg1:
		table = [15]int{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}
	case layer == 1:
		table = [15]int{0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}
	default:
		table = [15]int{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}
	}
	return table[index]
}

// mpegSampleRate is the sample rate in Hz for an index from 0 to 2.
func mpegSampleRate(version, index int) int {
	base := [3]int{44100, 48000, 32000}[index]
	switch version {
	case mpeg2:
		return base / 2
	case mpeg25:
		return base / 4
	}
	return base
}
