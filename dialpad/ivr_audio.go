package dialpad

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

// IVRAudio fetches an IVR's MP3 from the emulator's audio URL,
// /emulator/ivrs/{id}/audio.mp3. Dialpad's API gives no audio URL, so this
// only works against the emulator (demo mode and tests); against Dialpad it
// ends in ErrNotFound. The request carries the person's token like any
// other, so the browser never needs it. What comes back must pass
// SniffMP3: the console never relays anything but audio.
func (c *Client) IVRAudio(ctx context.Context, ivrID ID) ([]byte, error) {
	const method = http.MethodGet
	path := "/emulator/ivrs/" + ivrID.String() + "/audio.mp3"
	ctx, auth := withSentAuth(ctx)
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, nil)
	if err != nil {
		return nil, fmt.Errorf("dialpad: %s %s: %w", method, path, err)
	}
	req.Header.Set("Accept", "audio/mpeg")
	req.Header.Set("User-Agent", userAgent)
	resp, err := c.hc.Do(req)
	if err != nil {
		_, err = transportError(ctx, method, path, err)
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxMP3Bytes+1))
	if err != nil {
		_, err = transportError(ctx, method, path, err)
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		e := newAPIError(method, path, resp.StatusCode, resp.Header, body, c.now())
		e.Message = auth.redact(e.Message)
		return nil, e
	}
	if err := SniffMP3(body); err != nil {
		return nil, fmt.Errorf("dialpad: %s %s: %w", method, path, err)
	}
	return body, nil
}
