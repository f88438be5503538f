package views

import (
	"strings"
	"testing"
)

func TestHeTimeType(t *testing.T) {
	for in, want := range map[string]string{
		"": "time", "08:00": "time", "23:59": "time", "00:00": "time",
		"24:00": "text", "25:00": "text", "8:00": "text", "08:60": "text", "ab:cd": "text", "08:00:00": "text",
	} {
		if got := heTimeType(in); got != want {
			t.Errorf("heTimeType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestConflictPanelView(t *testing.T) {
	if out := render(t, ConflictPanelView(ConflictPanel{Kind: "call center"})); strings.TrimSpace(out) != "" {
		t.Errorf("an empty panel rendered %q", out)
	}
	out := render(t, ConflictPanelView(ConflictPanel{Kind: "router", Rows: []ConflictRow{
		{Field: "routing_url", Label: "Routing URL", Mine: "https://a.example/<x>", Theirs: "https://b.example", TakeTheirs: true},
	}}))
	for _, want := range []string{
		"Someone changed this router in Dialpad",
		"Your value", "Current value in Dialpad",
		`name="_conflict.routing_url" value="mine" data-testid="keep-mine-routing_url"`,
		`name="_conflict.routing_url" value="theirs" checked`,
		"https://a.example/&lt;x&gt;",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("panel lacks %s:\n%s", want, out)
		}
	}
}

func TestHoursEditorFormReadOnly(t *testing.T) {
	v := HoursEditor{Kind: "call center", Action: "/callcenters/1", PreviewURL: "/callcenters/1/preview",
		ReadOnly: true, ReadOnlyNote: "You can look but not change.",
		Days: []HoursDay{{Field: "monday_hours", Label: "Monday", Ranges: []HoursRange{{Open: "08:00", Close: "12:00"}}, Bar: DayBar{Now: -1}}}}
	out := render(t, HoursEditorForm(v))
	for _, want := range []string{`<fieldset class="he-fieldset" disabled>`, "You can look but not change.", `value="08:00"`} {
		if !strings.Contains(out, want) {
			t.Errorf("read-only form lacks %s", want)
		}
	}
	for _, absent := range []string{"hx-post", `name="_action"`, `data-testid="save"`} {
		if strings.Contains(out, absent) {
			t.Errorf("read-only form has %s", absent)
		}
	}
}
