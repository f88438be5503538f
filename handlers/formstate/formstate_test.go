package formstate

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"

	"switchboard/dialpad"
)

func testKey(b byte) []byte { return bytes.Repeat([]byte{b}, MinKeyLen) }

// fullCallCenter is a call center with every nested object set, the largest
// thing a form seals.
func fullCallCenter() dialpad.CallCenter {
	inner := func(action string) *dialpad.RoutingOptionsInner {
		return &dialpad.RoutingOptionsInner{
			Action: action, ActionTargetID: 6100000000000002, ActionTargetType: "department",
			DTMF: []dialpad.DtmfMapping{
				{Input: "1", Options: &dialpad.DtmfOptions{Action: "department", ActionTargetID: 6100000000000001, ActionTargetType: "department"}},
				{Input: "2", Options: &dialpad.DtmfOptions{Action: "voicemail"}},
			},
			OperatorRouting: "longestidle", TryDialOperators: true,
		}
	}
	return dialpad.CallCenter{
		ID: 5835806903417907, OfficeID: 4800000000000001,
		Name: "Support EMEA", GroupDescription: "First-line support for Europe, Middle East and Africa",
		Country: "gb", Timezone: "Europe/London", State: "active", AvailabilityStatus: "open",
		FirstAction: "operators", NoOperatorsAction: "voicemail",
		PhoneNumbers: []string{"+442071234567", "+442071234568"},
		RingSeconds:  30,
		AdvancedSettings: &dialpad.AdvancedSettings{
			AutoCallRecording: &dialpad.AutoCallRecording{CallRecordingInbound: true}, MaxWrapUpSeconds: 30,
		},
		Alerts: &dialpad.Alerts{CCServiceLevel: 95, CCServiceLevelSeconds: 60},
		HoldQueue: &dialpad.HoldQueue{
			AllowQueueCallback: true, AnnouncePosition: true, AnnouncementIntervalSeconds: 120,
			MaxHoldCount: 50, MaxHoldSeconds: 900, QueueCallbackDTMF: "9", QueueCallbackThreshold: 5, QueueEscapeDTMF: "*",
		},
		RoutingOptions:    &dialpad.RoutingOptions{Open: inner("operators"), Closed: inner("voicemail")},
		VoiceIntelligence: &dialpad.VoiceIntelligence{AllowPause: true, AutoStart: true},
		WeekHours: dialpad.WeekHours{
			HoursOn:        true,
			MondayHours:    []string{"08:00", "12:00", "13:00", "18:00"},
			TuesdayHours:   []string{"08:00", "18:00"},
			WednesdayHours: []string{"08:00", "18:00"},
			ThursdayHours:  []string{"08:00", "18:00"},
			FridayHours:    []string{"08:00", "17:00"},
			SaturdayHours:  []string{"10:00", "14:00"},
		},
	}
}

func TestRoundTrip(t *testing.T) {
	key := testKey(1)
	want := fullCallCenter()
	token, err := new(Sealer).Seal(key, "callcenter:5835806903417907", want)
	if err != nil {
		t.Fatal(err)
	}
	var got dialpad.CallCenter
	if err := Open(key, "callcenter:5835806903417907", token, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip\n got %+v\nwant %+v", got, want)
	}
	if strings.ContainsAny(token, "+/=\n") {
		t.Errorf("token is not URL/form safe: %q", token)
	}
	again, _ := new(Sealer).Seal(key, "callcenter:5835806903417907", want)
	if again != token {
		t.Error("sealing the same value twice gave two tokens")
	}
}

// A Sealer reuses its compressors: every token must still be exactly the
// one a fresh Sealer makes, whatever was sealed before it, also from several
// goroutines at once.
func TestSealerReusesCompressors(t *testing.T) {
	key := testKey(1)
	big := fullCallCenter()
	small := dialpad.CallCenter{ID: 7, Name: "Night desk"}
	want := map[string]string{}
	for kind, v := range map[string]dialpad.CallCenter{"callcenter:1": big, "callcenter:7": small} {
		token, err := new(Sealer).Seal(key, kind, v)
		if err != nil {
			t.Fatal(err)
		}
		want[kind] = token
	}

	var s Sealer
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i := range 20 {
				kind, v := "callcenter:1", big
				if i%2 == 1 {
					kind, v = "callcenter:7", small
				}
				token, err := s.Seal(key, kind, v)
				if err != nil {
					t.Error(err)
					return
				}
				if token != want[kind] {
					t.Errorf("reused Sealer's token for %s differs from a fresh one's", kind)
					return
				}
				var got dialpad.CallCenter
				if err := Open(key, kind, token, &got); err != nil || !reflect.DeepEqual(got, v) {
					t.Errorf("round trip of %s through a reused compressor: %+v, %v", kind, got, err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// A full call center must stay small enough for a hidden field.
func TestSealedSize(t *testing.T) {
	cc := fullCallCenter()
	js, _ := json.Marshal(cc)
	token, err := new(Sealer).Seal(testKey(1), "callcenter:5835806903417907", cc)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("full call center: %d bytes of JSON, %d bytes sealed", len(js), len(token))
	if len(token) >= len(js) {
		t.Errorf("sealed %d bytes, not smaller than the %d bytes of JSON", len(token), len(js))
	}
	if len(token) > 1024 {
		t.Errorf("sealed call center is %d bytes, want at most 1 KiB", len(token))
	}
}

func TestOpenRejects(t *testing.T) {
	key := testKey(1)
	token, err := new(Sealer).Seal(key, "callcenter:1", fullCallCenter())
	if err != nil {
		t.Fatal(err)
	}
	raw, err := encoding().DecodeString(token)
	if err != nil {
		t.Fatal(err)
	}
	reseal := func(b []byte) string { return encoding().EncodeToString(b) }
	tests := []struct {
		name        string
		key         []byte
		kind, token string
	}{
		{"wrong kind", key, "callcenter:2", token},
		{"other kind prefix", key, "department:1", token},
		{"wrong key", testKey(2), "callcenter:1", token},
		{"empty", key, "callcenter:1", ""},
		{"not base64", key, "callcenter:1", "!!!not a token!!!"},
		{"padding", key, "callcenter:1", token + "=="},
		{"truncated", key, "callcenter:1", token[:len(token)-4]},
		{"only a MAC", key, "callcenter:1", reseal(raw[len(raw)-macLen:])},
		{"extended", key, "callcenter:1", reseal(append(raw[:len(raw):len(raw)], 0))},
		{"other version", key, "callcenter:1", reseal(append([]byte{2}, raw[1:]...))},
		{"oversized", key, "callcenter:1", strings.Repeat("A", MaxTokenLen+1)},
		{"garbage of the right shape", key, "callcenter:1", reseal(bytes.Repeat([]byte{version}, 200))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v dialpad.CallCenter
			err := Open(tt.key, tt.kind, tt.token, &v)
			if !errors.Is(err, ErrTampered) {
				t.Fatalf("err = %v, want ErrTampered", err)
			}
			if !reflect.DeepEqual(v, dialpad.CallCenter{}) {
				t.Error("a rejected token still filled the value")
			}
		})
	}
}

// Every single flipped bit anywhere in the token must be caught.
func TestOpenRejectsEveryTamperedByte(t *testing.T) {
	key := testKey(1)
	token, err := new(Sealer).Seal(key, "callcenter:1", fullCallCenter())
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := encoding().DecodeString(token)
	for i := range raw {
		for _, bit := range []byte{0x01, 0x80} {
			b := bytes.Clone(raw)
			b[i] ^= bit
			var v dialpad.CallCenter
			if err := Open(key, "callcenter:1", encoding().EncodeToString(b), &v); !errors.Is(err, ErrTampered) {
				t.Fatalf("byte %d ^ %#x: err = %v, want ErrTampered", i, bit, err)
			}
		}
	}
}

func TestShortKeys(t *testing.T) {
	if _, err := new(Sealer).Seal(make([]byte, MinKeyLen-1), "k", 1); err == nil {
		t.Error("Seal accepted a short key")
	}
	if err := Open(nil, "k", "AAAA", new(int)); err == nil || errors.Is(err, ErrTampered) {
		t.Errorf("Open with a nil key: %v, want a key error", err)
	}
}

func TestSealLimits(t *testing.T) {
	if _, err := new(Sealer).Seal(testKey(1), "k", func() {}); err == nil {
		t.Error("Seal encoded a func")
	}
	// Random data does not compress: sealed, it is over the token cap.
	rng := rand.New(rand.NewPCG(1, 2))
	big := make([]byte, MaxTokenLen)
	for i := range big {
		big[i] = byte(rng.Uint32())
	}
	if _, err := new(Sealer).Seal(testKey(1), "k", big); err == nil {
		t.Error("Seal produced an oversized token")
	}
	// Compressible but over the JSON cap.
	if _, err := new(Sealer).Seal(testKey(1), "k", strings.Repeat("a", MaxPayloadLen)); err == nil {
		t.Error("Seal accepted JSON over the payload cap")
	}
}

// A correctly signed token that inflates past the cap (which Seal never
// makes) is refused rather than read whole.
func TestOpenCapsInflation(t *testing.T) {
	key := testKey(1)
	var z bytes.Buffer
	zw, _ := flate.NewWriter(&z, flate.BestCompression)
	zw.Write([]byte(`"`))
	zw.Write(bytes.Repeat([]byte("a"), 2*MaxPayloadLen))
	zw.Write([]byte(`"`))
	zw.Close()
	raw := append([]byte{version}, z.Bytes()...)
	raw = append(raw, mac(key, "k", z.Bytes())...)
	var s string
	if err := Open(key, "k", encoding().EncodeToString(raw), &s); !errors.Is(err, ErrTampered) || s != "" {
		t.Errorf("err = %v (value %d bytes), want ErrTampered", err, len(s))
	}
}

// BenchmarkSeal seals a full call center with a fresh Sealer's compressor
// and with a reused one, as a server seals on every page.
func BenchmarkSeal(b *testing.B) {
	key, cc := testKey(1), fullCallCenter()
	var s Sealer
	for _, bc := range []struct {
		name string
		seal func([]byte, string, any) (string, error)
	}{
		{"fresh", func(key []byte, kind string, v any) (string, error) { return new(Sealer).Seal(key, kind, v) }},
		{"sealer", s.Seal},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				token, err := bc.seal(key, "callcenter:1", cc)
				if err != nil {
					b.Fatal(err)
				}
				size = len(token)
			}
			b.ReportMetric(float64(size), "token-bytes")
		})
	}
}

func BenchmarkOpen(b *testing.B) {
	key := testKey(1)
	token, err := new(Sealer).Seal(key, "callcenter:1", fullCallCenter())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var cc dialpad.CallCenter
		if err := Open(key, "callcenter:1", token, &cc); err != nil {
			b.Fatal(err)
		}
	}
}
