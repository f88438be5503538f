package emulator

import (
	"time"

	"switchboard/dialpad"
)

// seedRouters adds four call routers in New York and Tokyo: one with a
// signing secret, and one that disabled itself after 11 routing errors
// within the hour before now.
func seedRouters(st *store, o demoOffices, centers, departments map[string]dialpad.ID, now time.Time) {
	type router struct {
		office       dialpad.ID
		name, url    string
		targetType   string
		target       dialpad.ID
		numbers      []string
		secret       string
		routingFails int
	}
	for _, r := range []router{
		{o.newYork, "VIP Customer Router", "https://routing.acme-logistics.com/dialpad/vip",
			dialpad.TargetCallCenter, centers["Sales"], []string{"+12125550150"},
			"k7Qm2vX9pL4sR8tW1yZ3bN6cF5hJ0dGa", 0},
		{o.newYork, "Shipment Status Lookup", "https://api.acme-logistics.com/v1/telephony/route",
			dialpad.TargetCallCenter, centers["Support Tier 1"], []string{"+12125550151", "+16465550152"}, "", 0},
		{o.tokyo, "Carrier Hotline Router", "https://carrier-hotline.acme-logistics.jp/dialpad/route",
			dialpad.TargetCallCenter, centers["Japan Support"], []string{"+81355550150"}, "", 11},
		{o.tokyo, "APAC Overflow Router", "https://overflow.acme-logistics.com/apac/route",
			dialpad.TargetDepartment, departments["Warehouse Operations"], []string{"+81355550151"}, "", 0},
	} {
		id := st.ids.next()
		cr := &routerRecord{
			CallRouter: dialpad.CallRouter{
				ID:                id,
				Name:              r.name,
				OfficeID:          r.office,
				RoutingURL:        r.url,
				DefaultTargetID:   r.target,
				DefaultTargetType: r.targetType,
				Enabled:           r.routingFails <= 10,
				PhoneNumbers:      r.numbers,
			},
			secret: r.secret,
		}
		for i := range r.routingFails {
			cr.errors = append(cr.errors, now.Add(-time.Duration(r.routingFails-i)*4*time.Minute))
		}
		st.routers.add(id, cr)
		for _, n := range r.numbers {
			st.addNumber(n, areaCode(n), r.office, dialpad.TargetCallRouter, id)
		}
	}
}

// areaCode derives the area code of a seeded number (+1 NANP, +44 London,
// +81 Tokyo).
func areaCode(e164 string) string {
	switch {
	case len(e164) >= 5 && e164[:2] == "+1":
		return e164[2:5]
	case len(e164) >= 5 && e164[:3] == "+44":
		return e164[3:5]
	case len(e164) >= 4 && e164[:3] == "+81":
		return e164[3:4]
	}
	return ""
}
