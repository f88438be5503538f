// Package static embeds the console's CSS and JavaScript and serves them under
// content-hash URLs, so browsers may cache them for a year and still pick up
// every change. htmx lives in vendor/, copied from node_modules by `make
// assets` and never committed.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed css img js vendor
var files embed.FS

// Prefix is the URL path the assets are served under.
const Prefix = "/static/"

// Assets maps logical names ("css/app.css") to hashed URLs and back. It is
// built once at start-up and read-only afterwards.
type Assets struct {
	urls    map[string]string // logical name -> hashed URL
	content map[string]asset  // hashed name -> file
}

type asset struct {
	body        []byte
	contentType string
}

// New hashes every embedded file.
func New() (*Assets, error) {
	a := &Assets{urls: map[string]string{}, content: map[string]asset{}}
	err := fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := files.ReadFile(name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:6]) + ext
		a.urls[name] = Prefix + hashed
		a.content[hashed] = asset{body: body, contentType: contentType(ext)}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("static: %w", err)
	}
	if _, ok := a.urls["vendor/htmx.min.js"]; !ok {
		return nil, fmt.Errorf("static: vendor/htmx.min.js is missing; run `make assets`")
	}
	return a, nil
}

// URL returns the hashed URL of a logical asset name. An unknown name is a
// programming error; it yields a URL that 404s rather than a panic.
func (a *Assets) URL(name string) string {
	if u, ok := a.urls[name]; ok {
		return u
	}
	return Prefix + "missing/" + name
}

// ServeHTTP serves hashed asset paths (with Prefix stripped) with a
// one-year immutable cache lifetime: the name changes whenever the content does.
func (a *Assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, ok := a.content[strings.TrimPrefix(r.URL.Path, "/")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", f.contentType)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(f.body)
}

func contentType(ext string) string {
	switch ext {
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	default:
		return "application/octet-stream"
	}
}
