package emulator

import (
	"time"

	"switchboard/dialpad"
)

// seedIVRs adds custom IVRs of several types to call centers, departments
// and an office, some selected and some merely available. Their audio is the
// generated silent MP3.
func seedIVRs(st *store, o demoOffices, centers, departments map[string]dialpad.ID) {
	type ivr struct {
		targetType string
		target     dialpad.ID
		ivrType    string
		name       string
		about      string
		in, out    bool // selected (per direction for call center recordings)
	}
	cc := dialpad.TargetCallCenter
	dep := dialpad.TargetDepartment
	added := time.Date(2024, time.March, 1, 15, 0, 0, 0, time.UTC)
	for i, v := range []ivr{
		{cc, centers["Sales"], "GREETING", "Spring promotion greeting", "Mentions the 10% spring discount.", true, true},
		{cc, centers["Sales"], "GREETING", "Standard sales greeting", "", false, false},
		{cc, centers["Sales"], "HOLD_MUSIC", "Smooth jazz loop", "Licensed hold music, 3 minutes.", true, true},
		{cc, centers["Sales"], "CLOSED", "Sales after-hours message", "Gives opening hours and the website.", true, true},
		{cc, centers["Sales"], "VM_UNAVAILABLE", "Sales voicemail prompt", "", true, true},
		{cc, centers["Support Tier 1"], "MENU", "Support main menu", "1 for tracking, 2 for damages, 3 for billing.", true, true},
		{cc, centers["Support Tier 1"], "HOLD_POSITION_ONE", "You are next in line", "", true, true},
		{cc, centers["Support Tier 1"], "CSAT_INTRO", "Survey introduction", "Invites the caller to a two-question survey.", true, true},
		{cc, centers["Support Tier 1"], "AUTO_RECORDING", "Recording notice (US)", "This call may be recorded.", true, true},
		{cc, centers["UK Customer Care"], "GREETING", "UK customer care greeting", "", true, true},
		{cc, centers["UK Customer Care"], "AUTO_RECORDING", "Inbound recording notice (UK)", "GDPR wording for inbound calls.", true, false},
		{cc, centers["UK Customer Care"], "AUTO_RECORDING", "Outbound recording notice (UK)", "GDPR wording for outbound calls.", false, true},
		{cc, centers["Japan Support"], "GREETING", "Japanese greeting", "Bilingual, Japanese first.", true, true},
		{cc, centers["Japan Support"], "HOLD_MUSIC", "Koto hold music", "", false, false},
		{dep, departments["Reception"], "DEPARTMENT_INTRO", "Reception welcome", "", true, true},
		{dep, departments["Reception"], "CLOSED_DEPARTMENT_INTRO", "Reception closed", "Directs deliveries to the loading dock.", true, true},
		{dep, departments["Finance"], "VM_UNAVAILABLE", "Finance voicemail", "", true, true},
		{dialpad.TargetOffice, o.newYork, "GREETING", "Acme main line greeting", "", true, true},
		{dialpad.TargetOffice, o.newYork, "MENU", "Main line menu", "1 sales, 2 support, 3 billing, 0 reception.", true, true},
		// Recordings uploaded to several call centers under the same names,
		// so copying Sales' assignments has something to select in demo mode.
		{cc, centers["Billing"], "HOLD_MUSIC", "Smooth jazz loop", "Licensed hold music, 3 minutes.", false, false},
		{cc, centers["Billing"], "HOLD_MUSIC", "Billing hold music", "", true, true},
		{cc, centers["Billing"], "MENU", "Billing menu", "1 invoices, 2 payment plans.", true, true},
		{cc, centers["Returns"], "HOLD_MUSIC", "Smooth jazz loop", "Licensed hold music, 3 minutes.", false, false},
		{cc, centers["Returns"], "GREETING", "Spring promotion greeting", "Mentions the 10% spring discount.", false, false},
		{cc, centers["Returns"], "GREETING", "Returns greeting", "", true, true},
		{cc, centers["Dispatch"], "HOLD_MUSIC", "Smooth jazz loop", "Licensed hold music, 3 minutes.", true, true},
		{cc, centers["Dispatch"], "CLOSED", "Sales after-hours message", "Gives opening hours and the website.", false, false},
	} {
		id := st.ids.next()
		st.ivrs.add(id, &ivrRecord{
			CustomIVR: dialpad.CustomIVR{
				ID:          id,
				Name:        v.name,
				Description: v.about,
				DateAdded:   dialpad.Int(added.Add(time.Duration(i) * 36 * time.Hour).UnixMilli()),
			},
			targetType:  v.targetType,
			targetID:    v.target,
			ivrType:     v.ivrType,
			selectedIn:  v.in,
			selectedOut: v.out,
		})
	}
}
