package emulator

import "switchboard/dialpad"

// seedCallCenters adds fourteen call centers across the three offices and
// returns their ids by name. Between them they cover split shifts, 24/7,
// weekend hours, closed weekdays and night shifts crossing midnight.
//
// As in a real company, a few units of each office keep the office's own
// hours (New York Mon–Fri 09:00–17:00; London the same with a 15:00 finish
// on Fridays; Tokyo Mon–Fri 09:00–18:00) while desks with a reason differ,
// so the hours review has a usual schedule to measure each office by.
func seedCallCenters(st *store, o demoOffices) map[string]dialpad.ID {
	ids := map[string]dialpad.ID{}
	type center struct {
		office      dialpad.ID
		name, about string
		number      string
		areaCode    string
		hours       dialpad.WeekHours
		ring        int64
		queue       *dialpad.HoldQueue
		recordIn    bool
		recordOut   bool
		wrapUp      int64
		firstAction string
	}
	night := hrs("00:00", "06:00", "18:00", "23:59")
	emeaNight := hrs("00:00", "06:00", "22:00", "23:59")
	centers := []center{
		// New York HQ
		{o.newYork, "Sales", "New business and quotes for freight customers.", "+12125550110", "212",
			weekdayHours("09:00", "17:00"), 30, holdQueue(50, 900, true), true, true, 30, "operators"},
		{o.newYork, "Support Tier 1", "First line support for shipment tracking, around the clock.", "+12125550111", "212",
			allDay(), 25, holdQueue(200, 1800, true), true, false, 60, "menu"},
		{o.newYork, "Support Tier 2", "Escalations from Tier 1; lunch break 12:00-13:00.", "+12125550112", "212",
			weekdayHours("08:00", "12:00", "13:00", "17:00"), 35, holdQueue(30, 600, false), true, false, 120, "operators"},
		{o.newYork, "Billing", "Invoices, credit notes and payment plans. Closed at weekends.", "+12125550113", "212",
			weekdayHours("09:00", "17:00"), 30, holdQueue(25, 600, true), false, false, 45, "operators"},
		{o.newYork, "Dispatch", "Night dispatch for overnight linehaul drivers.", "+16465550120", "646",
			week(night, night, night, night, night, hrs("00:00", "06:00"), hrs("18:00", "23:59")),
			20, holdQueue(20, 300, false), true, true, 0, "operators"},
		{o.newYork, "Returns", "Returns desk, open Monday, Wednesday and Friday.", "+16465550121", "646",
			week(hrs("10:00", "16:00"), hrs(), hrs("10:00", "16:00"), hrs(), hrs("10:00", "16:00"), hrs(), hrs()),
			30, holdQueue(15, 900, false), false, false, 30, "operators"},
		// London
		{o.london, "UK Sales", "UK and Ireland sales.", "+442079460110", "20",
			londonWeek(), 30, holdQueue(40, 900, true), true, true, 30, "operators"},
		{o.london, "UK Customer Care", "Split shift with a Saturday morning.", "+442079460111", "20",
			week(hrs("08:00", "12:30", "13:30", "20:00"), hrs("08:00", "12:30", "13:30", "20:00"), hrs("08:00", "12:30", "13:30", "20:00"),
				hrs("08:00", "12:30", "13:30", "20:00"), hrs("08:00", "12:30", "13:30", "20:00"), hrs("09:00", "13:00"), hrs()),
			30, holdQueue(100, 1200, true), true, true, 60, "menu"},
		{o.london, "Freight Claims", "Damage and loss claims; closes at 15:00 on Fridays.", "+442079460112", "20",
			londonWeek(),
			40, holdQueue(20, 900, false), true, false, 90, "operators"},
		{o.london, "EMEA Night Desk", "Overnight cover for European hauliers, every night of the week.", "+442079460113", "20",
			week(emeaNight, emeaNight, emeaNight, emeaNight, emeaNight, emeaNight, emeaNight),
			20, holdQueue(10, 600, false), false, false, 0, "operators"},
		// Tokyo
		{o.tokyo, "Japan Sales", "Sales for Japan and Korea.", "+81355550110", "3",
			weekdayHours("09:00", "18:00"), 30, holdQueue(30, 900, false), false, false, 30, "operators"},
		{o.tokyo, "Japan Support", "Support with a lunch break, Saturdays included.", "+81355550111", "3",
			week(hrs("09:00", "12:00", "13:00", "18:00"), hrs("09:00", "12:00", "13:00", "18:00"), hrs("09:00", "12:00", "13:00", "18:00"),
				hrs("09:00", "12:00", "13:00", "18:00"), hrs("09:00", "12:00", "13:00", "18:00"), hrs("09:00", "12:00"), hrs()),
			30, holdQueue(60, 1200, true), true, false, 60, "menu"},
		{o.tokyo, "APAC Logistics Desk", "Round-the-clock desk for Asia-Pacific shipments.", "+81355550112", "3",
			allDay(), 20, holdQueue(500, 3600, true), true, true, 30, "operators"},
		{o.tokyo, "Customs Brokerage", "Import and export clearance.", "+81355550113", "3",
			weekdayHours("09:00", "18:00"), 45, holdQueue(10, 1800, false), false, false, 120, "operators"},
	}
	for _, c := range centers {
		id := st.ids.next()
		of, _ := st.offices.get(c.office)
		st.callCenters.add(id, &dialpad.CallCenter{
			ID:                id,
			OfficeID:          c.office,
			Name:              c.name,
			GroupDescription:  c.about,
			Country:           of.Country,
			Timezone:          of.Timezone,
			State:             "active",
			FirstAction:       c.firstAction,
			NoOperatorsAction: "voicemail",
			PhoneNumbers:      []string{c.number},
			RingSeconds:       dialpad.Int(c.ring),
			AdvancedSettings:  advanced(c.recordIn, c.recordOut, c.wrapUp),
			Alerts:            alerts(90, 30),
			HoldQueue:         c.queue,
			RoutingOptions:    routing("voicemail", 0, ""),
			VoiceIntelligence: &dialpad.VoiceIntelligence{AllowPause: true, AutoStart: c.recordIn},
			WeekHours:         c.hours,
		})
		st.addNumber(c.number, c.areaCode, c.office, dialpad.TargetCallCenter, id)
		ids[c.name] = id
	}
	// Billing sends closed-hours calls to Support Tier 1, which never closes.
	billing, _ := st.callCenters.get(ids["Billing"])
	billing.RoutingOptions = routing("department", ids["Support Tier 1"], dialpad.TargetCallCenter)
	return ids
}
