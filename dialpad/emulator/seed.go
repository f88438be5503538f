package emulator

import (
	"strings"
	"time"

	"switchboard/dialpad"
)

// The seeded users, one per role the console must handle.
const (
	// AdminUserID is the company admin (is_admin and is_super_admin).
	AdminUserID dialpad.ID = 5835806903417907
	// OfficeAdminUserID administers the London office only.
	OfficeAdminUserID dialpad.ID = 6113752049588312
	// SupportUserID is a support agent with no admin rights in Dialpad: in
	// company-key mode Switchboard's support role lets her reset routers.
	SupportUserID dialpad.ID = 4871290365521946
	// ManagerUserID is a sales manager with no admin rights: every write
	// answers 403.
	ManagerUserID dialpad.ID = 5290417736081455
	// NewHireUserID is an operator with no admin rights and, in the demo,
	// no Switchboard role: she sees the no-access page.
	NewHireUserID dialpad.ID = 6402918573301268
)

// demoSeed is the PRNG seed of the demo company's ids: same ids every run.
const demoSeed = 20240301

// demoOffices are the three offices of the demo company, found by seedDemo's
// helpers through these keys.
type demoOffices struct {
	newYork, london, tokyo dialpad.ID
}

// seedDemo builds "Acme Logistics": three offices in three time zones, call
// centers covering split shifts, 24/7, weekends, closed days and a night
// shift, departments, call routers (one auto-disabled), phone numbers with a
// reserve pool, and custom IVRs of several types. now dates the routing
// errors of the disabled router.
func seedDemo(now time.Time) *store {
	st := newStore(demoSeed)
	for _, id := range []dialpad.ID{AdminUserID, OfficeAdminUserID, SupportUserID, ManagerUserID, NewHireUserID} {
		st.ids.reserve(id)
	}
	st.company = dialpad.Company{
		ID:          st.ids.next(),
		Name:        "Acme Logistics",
		Domain:      "acme-logistics.com",
		Country:     "us",
		AccountType: "enterprise",
		AdminEmail:  "dana.whitfield@acme-logistics.com",
		State:       "active",
	}
	offices := seedOffices(st)
	seedUsers(st, offices)
	centers := seedCallCenters(st, offices)
	departments := seedDepartments(st, offices)
	seedRouters(st, offices, centers, departments, now)
	seedIVRs(st, offices, centers, departments)
	seedReservePool(st, offices)
	seedUntidy(st, offices)
	return st
}

func seedOffices(st *store) demoOffices {
	add := func(name, country, tz string, primary bool, number, areaCode string, h dialpad.WeekHours) dialpad.ID {
		id := st.ids.next()
		st.offices.add(id, &dialpad.Office{
			ID:              id,
			OfficeID:        id,
			Name:            name,
			Country:         country,
			Timezone:        tz,
			IsPrimaryOffice: primary,
			State:           "active",
			PhoneNumbers:    []string{number},
			RingSeconds:     30,
			WeekHours:       h,
		})
		st.addNumber(number, areaCode, id, dialpad.TargetOffice, id)
		return id
	}
	return demoOffices{
		newYork: add("New York HQ", "us", "America/New_York", true, "+12125550100", "212", weekdayHours("09:00", "17:00")),
		london:  add("London", "gb", "Europe/London", false, "+442079460100", "20", londonWeek()),
		tokyo:   add("Tokyo", "jp", "Asia/Tokyo", false, "+81355550100", "3", weekdayHours("09:00", "18:00")),
	}
}

func seedUsers(st *store, o demoOffices) {
	add := func(id, office dialpad.ID, first, last, title, license, role string, super bool, adminOf ...dialpad.ID) {
		if id == 0 {
			id = st.ids.next()
		}
		of, _ := st.offices.get(office)
		email := strings.ToLower(first + "." + last + "@acme-logistics.com")
		st.users.add(id, &userRecord{role: role, User: dialpad.User{
			ID:             id,
			CompanyID:      st.company.ID,
			OfficeID:       office,
			DisplayName:    first + " " + last,
			FirstName:      first,
			LastName:       last,
			Emails:         []string{email},
			IsAdmin:        super || len(adminOf) > 0,
			IsSuperAdmin:   super,
			AdminOfficeIDs: append([]dialpad.ID{}, adminOf...),
			JobTitle:       title,
			License:        license,
			PhoneNumbers:   []string{},
			State:          "active",
			Timezone:       of.Timezone,
		}})
	}
	add(AdminUserID, o.newYork, "Dana", "Whitfield", "Director of IT", "admins", "Company admin", true, o.newYork, o.london, o.tokyo)
	add(OfficeAdminUserID, o.london, "Oliver", "Bennett", "Office Manager, London", "admins", "Office admin (London)", false, o.london)
	add(SupportUserID, o.newYork, "Priya", "Raman", "Telephony Support Engineer", "agents", "Support agent (no admin rights)", false)
	add(ManagerUserID, o.newYork, "Marcus", "Lee", "Sales Manager", "talk", "Manager (no admin rights)", false)
	add(NewHireUserID, o.newYork, "Sofia", "Alvarez", "Sales Representative", "agents", "Operator (no admin rights)", false)
	add(0, o.newYork, "James", "Okafor", "Support Specialist", "agents", "Operator", false)
	add(0, o.london, "Emily", "Clarke", "Customer Care Agent", "agents", "Operator", false)
	add(0, o.tokyo, "Hiroshi", "Tanaka", "Support Specialist", "agents", "Operator", false)
	add(0, o.tokyo, "Yuki", "Sato", "Sales Representative", "agents", "Operator", false)
}

// seedReservePool gives the company free numbers in each of its area codes,
// for assign_number.
func seedReservePool(st *store, o demoOffices) {
	for _, n := range []struct {
		number, area string
		office       dialpad.ID
	}{
		{"+12125550180", "212", o.newYork}, {"+12125550181", "212", o.newYork},
		{"+12125550182", "212", o.newYork}, {"+12125550183", "212", o.newYork},
		{"+16465550190", "646", o.newYork}, {"+16465550191", "646", o.newYork},
		{"+16465550192", "646", o.newYork},
		{"+442079460180", "20", o.london}, {"+442079460181", "20", o.london},
		{"+442079460182", "20", o.london},
		{"+81355550180", "3", o.tokyo}, {"+81355550181", "3", o.tokyo},
		{"+81355550182", "3", o.tokyo},
	} {
		st.addNumber(n.number, n.area, n.office, "", 0)
	}
}
