package formstate

import (
	"reflect"
	"testing"

	"switchboard/dialpad"
)

// FuzzOpen: no input panics, and Open never yields a value other than the
// one that was sealed.
func FuzzOpen(f *testing.F) {
	key := testKey(1)
	want := fullCallCenter()
	token, err := new(Sealer).Seal(key, "callcenter:1", want)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(token)
	f.Add(token[:len(token)/2])
	f.Add("")
	f.Add("AQ")
	f.Fuzz(func(t *testing.T, in string) {
		var got dialpad.CallCenter
		if err := Open(key, "callcenter:1", in, &got); err != nil {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Open accepted a forged token %q: %+v", in, got)
		}
	})
}
