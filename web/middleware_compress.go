package web

import (
	"net/http"

	"github.com/klauspost/compress/gzhttp"
)

// compressMinBytes leaves tiny answers (redirects, short fragments) as they
// are: under about a kilobyte the encoding's framing eats the gain.
const compressMinBytes = 1024

// newCompressor returns the middleware that compresses answers with zstd
// or gzip, whichever the browser asks for (zstd when it takes both), and
// sets Vary: Accept-Encoding so caches keep the encodings apart.
//
// Only pages, htmx fragments, styles, scripts, the icon and the hours CSV
// are compressed; MP3 recordings and anything else are already compressed
// or not worth it. The content-hashed static assets are compressed per
// request like the rest: the largest (htmx, ~50 KB) costs well under a
// millisecond, which does not justify keeping a second copy of each.
func newCompressor() (func(http.Handler) http.Handler, error) {
	wrap, err := gzhttp.NewWrapper(
		gzhttp.ContentTypes([]string{"text/html", "text/css", "text/javascript", "text/csv", "image/svg+xml"}),
		gzhttp.MinSize(compressMinBytes),
	)
	if err != nil {
		return nil, err
	}
	return func(next http.Handler) http.Handler { return wrap(next) }, nil
}
