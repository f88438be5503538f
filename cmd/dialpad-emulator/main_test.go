package main

import (
	"bytes"
	"strings"
	"testing"

	"switchboard/dialpad/emulator"
)

func TestParseConfig(t *testing.T) {
	env := map[string]string{"DIALPAD_EMULATOR_ADDR": "127.0.0.1:9999", "DIALPAD_CLIENT_ID": "my-app"}
	getenv := func(k string) string { return env[k] }
	tests := []struct {
		name    string
		args    []string
		want    config
		wantErr bool
	}{
		{"environment", nil, config{addr: "127.0.0.1:9999", clientID: "my-app", clientSecret: emulator.DefaultClientSecret, pageSize: 100, rps: 20}, false},
		{"flags win", []string{"-addr", ":0", "-client-id", "x", "-callcenters", "2000", "-rps", "-1"},
			config{addr: ":0", clientID: "x", clientSecret: emulator.DefaultClientSecret, pageSize: 100, rps: -1, callCenters: 2000}, false},
		{"unknown flag", []string{"-nope"}, config{}, true},
		{"stray argument", []string{"serve"}, config{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseConfig(tt.args, getenv)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v", err)
			}
			if !tt.wantErr && got != tt.want {
				t.Fatalf("config = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestBannerListsUsersAndHidesOwnSecrets(t *testing.T) {
	emu := emulator.New(emulator.Options{})
	var demo, own bytes.Buffer
	printBanner(&demo, "http://127.0.0.1:1", config{clientID: emulator.DefaultClientID, clientSecret: emulator.DefaultClientSecret}, emu)
	printBanner(&own, "http://127.0.0.1:1", config{clientID: "prod", clientSecret: "real-secret-value"}, emu)
	for _, want := range []string{emulator.DefaultClientSecret, emulator.AdminUserID.String(), "Dana Whitfield", "Company admin", "Manager", "Company API key"} {
		if !strings.Contains(demo.String(), want) {
			t.Errorf("banner lacks %q:\n%s", want, demo.String())
		}
	}
	if strings.Contains(own.String(), "real-secret-value") {
		t.Fatal("banner prints a configured secret")
	}
}
