// Package routing speaks Dialpad's call-routing protocol: for each inbound
// call, Dialpad POSTs the call's details to a router's routing_url (raw JSON,
// or an HS256 JWT when the router has a secret) and expects, within 5
// seconds, a JSON answer naming a target. Anything else counts as a routing
// error, and more than 10 of those in an hour disable the router.
//
// The emulator uses a Caller to place simulated calls; the console uses the
// same Caller to test a routing URL, so both judge an answer the same way.
// A Caller refuses private, loopback and link-local addresses after DNS
// resolution, so a routing URL cannot be used to reach the server's network.
package routing
