package emulator

import (
	"time"

	"switchboard/dialpad"
)

// seedUntidy adds resources whose text is as Dialpad may hold it after an
// import or an API client less careful than the console: trailing spaces,
// CRLF and tabs in descriptions, non-ASCII names. An untouched form of any
// of them must send nothing. They are seeded last, so every other seeded
// id stays what it was.
func seedUntidy(st *store, o demoOffices) {
	london, _ := st.offices.get(o.london)
	zurich := st.ids.next()
	st.callCenters.add(zurich, &dialpad.CallCenter{
		ID:                zurich,
		OfficeID:          o.london,
		Name:              "Zürich Empfang ",
		GroupDescription:  "Reception for Swiss customers.\r\nGerman and French spoken. ",
		Country:           london.Country,
		Timezone:          london.Timezone,
		State:             "active",
		FirstAction:       "operators",
		NoOperatorsAction: "voicemail",
		PhoneNumbers:      []string{"+442079460114"},
		RingSeconds:       30,
		AdvancedSettings:  advanced(false, false, 30),
		Alerts:            alerts(90, 30),
		HoldQueue:         holdQueue(20, 600, false),
		RoutingOptions:    routing("voicemail", 0, ""),
		VoiceIntelligence: &dialpad.VoiceIntelligence{AllowPause: true},
		WeekHours:         londonWeek(),
	})
	st.addNumber("+442079460114", "20", o.london, dialpad.TargetCallCenter, zurich)

	tokyo, _ := st.offices.get(o.tokyo)
	support := st.ids.next()
	st.departments.add(support, &dialpad.Department{
		ID:                support,
		OfficeID:          o.tokyo,
		Name:              "東京サポート",
		GroupDescription:  "\tTokyo walk-in counter.\r\nEnglish:\tcall Japan Support.\r\n",
		Country:           tokyo.Country,
		Timezone:          tokyo.Timezone,
		State:             "active",
		FirstAction:       "operators",
		NoOperatorsAction: "voicemail",
		PhoneNumbers:      []string{"+81355550131"},
		RingSeconds:       30,
		HoldQueue:         &dialpad.HoldQueueDepartment{AllowQueuing: true, MaxHoldCount: 10, MaxHoldSeconds: 900},
		RoutingOptions:    routing("voicemail", 0, ""),
		VoiceIntelligence: &dialpad.VoiceIntelligence{AllowPause: true},
		WeekHours:         weekdayHours("09:00", "18:00"),
	})
	st.addNumber("+81355550131", "3", o.tokyo, dialpad.TargetDepartment, support)

	router := st.ids.next()
	st.routers.add(router, &routerRecord{CallRouter: dialpad.CallRouter{
		ID:                router,
		Name:              "Kansai Freight Router ",
		OfficeID:          o.tokyo,
		RoutingURL:        "https://routing.acme-logistics.jp/dialpad/kansai ",
		DefaultTargetID:   support,
		DefaultTargetType: dialpad.TargetDepartment,
		Enabled:           true,
		PhoneNumbers:      []string{"+81355550153"},
	}})
	st.addNumber("+81355550153", "3", o.tokyo, dialpad.TargetCallRouter, router)

	added := time.Date(2024, time.May, 2, 9, 0, 0, 0, time.UTC)
	for i, v := range []struct {
		target      dialpad.ID
		targetType  string
		ivrType     string
		name, about string
		selected    bool
	}{
		{zurich, dialpad.TargetCallCenter, "GREETING", "Begrüssung Zürich ", "Deutsch\tund Französisch. ", true},
		{support, dialpad.TargetDepartment, "DEPARTMENT_INTRO", "東京サポート案内", " 日本語のみ", true},
	} {
		id := st.ids.next()
		st.ivrs.add(id, &ivrRecord{
			CustomIVR: dialpad.CustomIVR{
				ID:          id,
				Name:        v.name,
				Description: v.about,
				DateAdded:   dialpad.Int(added.Add(time.Duration(i) * time.Hour).UnixMilli()),
			},
			targetType:  v.targetType,
			targetID:    v.target,
			ivrType:     v.ivrType,
			selectedIn:  v.selected,
			selectedOut: v.selected,
		})
	}
}
