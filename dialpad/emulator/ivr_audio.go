package emulator

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"switchboard/dialpad"
)

// ivrAudio serves a custom IVR's MP3 at GET /emulator/ivrs/{id}/audio.mp3.
// This is an emulator extension (real Dialpad exposes no such URL), left
// unauthenticated so an <audio> element can play it in demo mode.
func (e *Emulator) ivrAudio(w http.ResponseWriter, r *http.Request) {
	id, err := dialpad.ParseID(chi.URLParam(r, "id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	e.mu.Lock()
	v, ok := e.st.ivrs.get(id)
	var audio []byte
	if ok {
		audio = v.audio
	}
	e.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	if audio == nil {
		audio = silentMP3()
	}
	w.Header().Set("Content-Type", "audio/mpeg")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(audio)
}

// silentMP3 is about one second of silence: MPEG-1 Layer III frames, mono,
// 32 kbit/s at 48 kHz (96-byte frames of 1152 samples). A frame whose side
// information is all zeros carries no audio data, so decoders play silence.
func silentMP3() []byte {
	const (
		frames    = 42
		frameSize = 144 * 32000 / 48000
	)
	header := []byte{
		0xFF, 0xFB, // frame sync, MPEG-1, Layer III, no CRC
		0x14, // bitrate index 1 (32 kbit/s), sample rate 48 kHz, no padding
		0xC4, // mono, original
	}
	out := make([]byte, 0, frames*frameSize)
	for range frames {
		frame := make([]byte, frameSize)
		copy(frame, header)
		out = append(out, frame...)
	}
	return out
}
