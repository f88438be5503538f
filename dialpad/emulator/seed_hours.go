package emulator

import "switchboard/dialpad"

// Builders for seeded business hours and group settings.

// hrs is one day's ranges, e.g. hrs("08:00", "12:00", "13:00", "17:00").
func hrs(times ...string) []string { return append([]string{}, times...) }

// weekdayHours opens Monday to Friday with the same ranges, weekends closed.
func weekdayHours(times ...string) dialpad.WeekHours {
	return week(hrs(times...), hrs(times...), hrs(times...), hrs(times...), hrs(times...), hrs(), hrs())
}

// londonWeek is the London office's usual week: 09:00–17:00 with an early
// finish on Fridays.
func londonWeek() dialpad.WeekHours {
	return week(hrs("09:00", "17:00"), hrs("09:00", "17:00"), hrs("09:00", "17:00"), hrs("09:00", "17:00"), hrs("09:00", "15:00"), hrs(), hrs())
}

// week sets each day, Monday first, with hours on.
func week(mon, tue, wed, thu, fri, sat, sun []string) dialpad.WeekHours {
	return dialpad.WeekHours{
		HoursOn:        true,
		MondayHours:    mon,
		TuesdayHours:   tue,
		WednesdayHours: wed,
		ThursdayHours:  thu,
		FridayHours:    fri,
		SaturdayHours:  sat,
		SundayHours:    sun,
	}
}

// allDay is hours off: open 24/7. The day lists keep Dialpad's defaults,
// kept but not applied.
func allDay() dialpad.WeekHours {
	h := weekdayHours("08:00", "18:00")
	h.HoursOn = false
	return h
}

func holdQueue(maxCount, maxSeconds int64, callback bool) *dialpad.HoldQueue {
	return &dialpad.HoldQueue{
		AllowQueueCallback:          callback,
		AnnouncePosition:            true,
		AnnouncementIntervalSeconds: 120,
		MaxHoldCount:                dialpad.Int(maxCount),
		MaxHoldSeconds:              dialpad.Int(maxSeconds),
		QueueCallbackDTMF:           "9",
		QueueCallbackThreshold:      5,
		QueueEscapeDTMF:             "*",
	}
}

// routing sends open-hours calls to the operators (longest idle first) and
// closed-hours calls to closedAction, with a small DTMF menu.
func routing(closedAction string, closedTarget dialpad.ID, closedType string) *dialpad.RoutingOptions {
	return &dialpad.RoutingOptions{
		Open: &dialpad.RoutingOptionsInner{
			Action:           "operator",
			OperatorRouting:  "longestidle",
			TryDialOperators: true,
			DTMF: []dialpad.DtmfMapping{
				{Input: "0", Options: &dialpad.DtmfOptions{Action: "operator"}},
				{Input: "9", Options: &dialpad.DtmfOptions{Action: "directory"}},
			},
		},
		Closed: &dialpad.RoutingOptionsInner{
			Action:           closedAction,
			ActionTargetID:   closedTarget,
			ActionTargetType: closedType,
			OperatorRouting:  "longestidle",
			TryDialOperators: false,
			DTMF: []dialpad.DtmfMapping{
				{Input: "1", Options: &dialpad.DtmfOptions{Action: "voicemail"}},
			},
		},
	}
}

func advanced(recordIn, recordOut bool, wrapUp int64) *dialpad.AdvancedSettings {
	return &dialpad.AdvancedSettings{
		AutoCallRecording: &dialpad.AutoCallRecording{
			AllowPauseRecording:   recordIn || recordOut,
			CallRecordingInbound:  recordIn,
			CallRecordingOutbound: recordOut,
		},
		MaxWrapUpSeconds: dialpad.Int(wrapUp),
	}
}

func alerts(level, seconds int64) *dialpad.Alerts {
	return &dialpad.Alerts{CCServiceLevel: dialpad.Int(level), CCServiceLevelSeconds: dialpad.Int(seconds)}
}
