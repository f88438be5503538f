package store

import "context"

// Ping reports whether the database answers now (for /readyz).
func (d *DB) Ping(ctx context.Context) error { return d.db.PingContext(ctx) }
