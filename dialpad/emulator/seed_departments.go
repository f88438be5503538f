package emulator

import "switchboard/dialpad"

// seedDepartments adds five departments and returns their ids by name.
// Reception, Human Resources and Finance keep their office's hours; the
// workshop and the warehouse run their own shifts.
func seedDepartments(st *store, o demoOffices) map[string]dialpad.ID {
	ids := map[string]dialpad.ID{}
	type department struct {
		office          dialpad.ID
		name, about     string
		number, area    string
		hours           dialpad.WeekHours
		queue           bool
		maxHoldCount    int64
		autoRecord      bool
		closedVoicemail bool
	}
	for _, d := range []department{
		{o.newYork, "Reception", "Main line for visitors and deliveries.", "+12125550130", "212",
			weekdayHours("09:00", "17:00"), true, 10, false, true},
		{o.newYork, "Human Resources", "Payroll, benefits and hiring.", "+12125550131", "212",
			weekdayHours("09:00", "17:00"), false, 5, false, true},
		{o.london, "Finance", "Accounts payable and receivable.", "+442079460130", "20",
			londonWeek(), true, 20, true, true},
		{o.london, "Fleet Maintenance", "Workshop bookings for the UK fleet, Saturdays too.", "+442079460131", "20",
			week(hrs("07:00", "16:00"), hrs("07:00", "16:00"), hrs("07:00", "16:00"), hrs("07:00", "16:00"), hrs("07:00", "16:00"), hrs("08:00", "12:00"), hrs()),
			true, 15, false, true},
		{o.tokyo, "Warehouse Operations", "Narita warehouse floor, two shifts.", "+81355550130", "3",
			weekdayHours("06:00", "14:00", "14:30", "22:30"), true, 50, true, false},
	} {
		id := st.ids.next()
		of, _ := st.offices.get(d.office)
		closed := routing("voicemail", 0, "")
		if !d.closedVoicemail {
			closed = routing("message", 0, "")
		}
		st.departments.add(id, &dialpad.Department{
			ID:                id,
			OfficeID:          d.office,
			Name:              d.name,
			GroupDescription:  d.about,
			Country:           of.Country,
			Timezone:          of.Timezone,
			State:             "active",
			FirstAction:       "operators",
			NoOperatorsAction: "voicemail",
			PhoneNumbers:      []string{d.number},
			RingSeconds:       30,
			AutoCallRecording: d.autoRecord,
			HoldQueue:         &dialpad.HoldQueueDepartment{AllowQueuing: d.queue, MaxHoldCount: dialpad.Int(d.maxHoldCount), MaxHoldSeconds: 900},
			RoutingOptions:    closed,
			VoiceIntelligence: &dialpad.VoiceIntelligence{AllowPause: true, AutoStart: d.autoRecord},
			WeekHours:         d.hours,
		})
		st.addNumber(d.number, d.area, d.office, dialpad.TargetDepartment, id)
		ids[d.name] = id
	}
	return ids
}
