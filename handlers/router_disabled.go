package handlers

import (
	"cmp"
	"slices"
	"strings"

	"switchboard/dialpad"
	"switchboard/views"
)

// maxDisabledLinks is how many disabled routers the callout names; the
// router list shows the rest.
const maxDisabledLinks = 5

// disabledRouters is the callout for the routers Dialpad disabled, by name.
// A disabled router sends every call to its default target, which support
// wants to see before anything else.
func disabledRouters(routers []dialpad.CallRouter) views.DisabledRouters {
	var off []dialpad.CallRouter
	for _, cr := range routers {
		if !cr.Enabled {
			off = append(off, cr)
		}
	}
	slices.SortStableFunc(off, func(a, b dialpad.CallRouter) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
	})
	var v views.DisabledRouters
	for i, cr := range off {
		if i == maxDisabledLinks {
			v.More, v.MoreHref = len(off)-i, "/routers"
			break
		}
		v.Routers = append(v.Routers, views.RouterLink{Name: cmp.Or(cr.Name, "Router "+cr.ID.String()), Href: "/routers/" + cr.ID.String()})
	}
	return v
}
