package emulator

import (
	"fmt"

	"switchboard/dialpad"
)

// largeSeed is the PRNG seed of generated companies' ids.
const largeSeed = 1_000_003

// seedLarge generates a company of nOffices offices and nCenters call
// centers for benchmarks. Most offices and call centers share one common
// schedule; every tenth office and every seventh call center is an outlier
// (split shift, 24/7, weekend hours or a night shift). Generation is
// deterministic and takes milliseconds for thousands of call centers.
func seedLarge(nOffices, nCenters int) *store {
	if nOffices <= 0 {
		nOffices = max(1, nCenters/100)
	}
	st := newStore(largeSeed)
	for _, id := range []dialpad.ID{AdminUserID, OfficeAdminUserID, SupportUserID, ManagerUserID} {
		st.ids.reserve(id)
	}
	st.company = dialpad.Company{
		ID: st.ids.next(), Name: "Acme Logistics", Domain: "acme-logistics.com", Country: "us",
		AccountType: "enterprise", AdminEmail: "dana.whitfield@acme-logistics.com", State: "active",
	}
	cities := largeCities()
	offices := make([]dialpad.ID, nOffices)
	for i := range offices {
		c := cities[i%len(cities)]
		id := st.ids.next()
		h := weekdayHours("08:00", "18:00")
		if i%10 == 9 {
			h = outlierHours(i / 10)
		}
		st.offices.add(id, &dialpad.Office{
			ID: id, OfficeID: id, Name: fmt.Sprintf("%s %04d", c.city, i+1), Country: c.country,
			Timezone: c.tz, IsPrimaryOffice: i == 0, State: "active", PhoneNumbers: []string{},
			RingSeconds: 30, WeekHours: h,
		})
		offices[i] = id
	}
	routerOffices := []dialpad.ID{offices[0], offices[min(1, nOffices-1)]}
	seedLargeUsers(st, offices[0])

	teams := largeTeams()
	var firstCenter dialpad.ID
	for i := range nCenters {
		office := offices[i%nOffices]
		of, _ := st.offices.get(office)
		h := weekdayHours("08:00", "18:00")
		if i%7 == 6 {
			h = outlierHours(i / 7)
		}
		id := st.ids.next()
		if i == 0 {
			firstCenter = id
		}
		st.callCenters.add(id, &dialpad.CallCenter{
			ID: id, OfficeID: office, Name: fmt.Sprintf("%s %05d", teams[i%len(teams)], i+1),
			Country: of.Country, Timezone: of.Timezone, State: "active", FirstAction: "operators",
			NoOperatorsAction: "voicemail", PhoneNumbers: []string{}, RingSeconds: dialpad.Int(20 + i%5*5),
			AdvancedSettings: advanced(i%2 == 0, i%3 == 0, int64(i%4*30)), Alerts: alerts(90, 30),
			HoldQueue: holdQueue(int64(10+i%90), int64(300+i%10*60), i%2 == 1), RoutingOptions: routing("voicemail", 0, ""),
			VoiceIntelligence: &dialpad.VoiceIntelligence{AllowPause: true, AutoStart: i%2 == 0},
			WeekHours:         h,
		})
	}
	for i, office := range routerOffices {
		if firstCenter == 0 {
			break
		}
		id := st.ids.next()
		st.routers.add(id, &routerRecord{CallRouter: dialpad.CallRouter{
			ID: id, Name: fmt.Sprintf("Generated Router %d", i+1), OfficeID: office,
			RoutingURL:      fmt.Sprintf("https://routing.acme-logistics.com/generated/%d", i+1),
			DefaultTargetID: firstCenter, DefaultTargetType: dialpad.TargetCallCenter, Enabled: true,
			PhoneNumbers: []string{},
		}})
	}
	for i := range 5 {
		st.addNumber(fmt.Sprintf("+1312555%04d", 100+i), "312", offices[0], "", 0)
	}
	return st
}

// outlierHours are the schedules that differ from the common one.
func outlierHours(n int) dialpad.WeekHours {
	night := hrs("00:00", "06:00", "22:00", "23:59")
	switch n % 4 {
	case 0:
		return weekdayHours("08:00", "12:00", "13:00", "17:00")
	case 1:
		return allDay()
	case 2:
		return week(hrs("09:00", "17:00"), hrs("09:00", "17:00"), hrs("09:00", "17:00"), hrs("09:00", "17:00"), hrs("09:00", "17:00"), hrs("10:00", "14:00"), hrs("10:00", "14:00"))
	default:
		return week(night, hrs(night...), hrs(night...), hrs(night...), hrs(night...), hrs(), hrs())
	}
}

func seedLargeUsers(st *store, first dialpad.ID) {
	all := make([]dialpad.ID, 0, len(st.offices.order))
	all = append(all, st.offices.order...)
	add := func(id dialpad.ID, firstName, last, role string, super bool, adminOf []dialpad.ID) {
		st.users.add(id, &userRecord{role: role, User: dialpad.User{
			ID: id, CompanyID: st.company.ID, OfficeID: first, DisplayName: firstName + " " + last,
			FirstName: firstName, LastName: last, Emails: []string{fmt.Sprintf("%s@acme-logistics.com", id)},
			IsAdmin: super || len(adminOf) > 0, IsSuperAdmin: super, AdminOfficeIDs: adminOf,
			License: "admins", PhoneNumbers: []string{}, State: "active", Timezone: "America/New_York",
		}})
	}
	add(AdminUserID, "Dana", "Whitfield", "Company admin", true, all)
	add(OfficeAdminUserID, "Oliver", "Bennett", "Office admin", false, []dialpad.ID{first})
	// As in the demo seed: support holds no admin rights in Dialpad, so
	// only a company key and Switchboard's role let her reset routers.
	add(SupportUserID, "Priya", "Raman", "Support agent (no admin rights)", false, []dialpad.ID{})
	add(ManagerUserID, "Marcus", "Lee", "Manager (no admin rights)", false, []dialpad.ID{})
}

type largeCity struct{ city, country, tz string }

func largeCities() []largeCity {
	return []largeCity{
		{"New York", "us", "America/New_York"}, {"Chicago", "us", "America/Chicago"},
		{"Denver", "us", "America/Denver"}, {"Los Angeles", "us", "America/Los_Angeles"},
		{"Toronto", "ca", "America/Toronto"}, {"London", "gb", "Europe/London"},
		{"Rotterdam", "nl", "Europe/Amsterdam"}, {"Hamburg", "de", "Europe/Berlin"},
		{"Dubai", "ae", "Asia/Dubai"}, {"Singapore", "sg", "Asia/Singapore"},
		{"Tokyo", "jp", "Asia/Tokyo"}, {"Sydney", "au", "Australia/Sydney"},
	}
}

func largeTeams() []string {
	return []string{"Sales", "Support", "Billing", "Dispatch", "Claims", "Customs", "Returns"}
}
