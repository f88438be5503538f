package audit

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

// CSVHeader names the columns of CSVRecords.
func CSVHeader() []string {
	return []string{"time", "email", "name", "credential", "resource_kind", "resource_id", "resource_name", "office_id",
		"field", "old", "new", "outcome", "status", "message"}
}

// CSVRecords is the entry as spreadsheet rows: one per changed field, so
// each cell holds one value; an entry without changes still has one row.
func (e Entry) CSVRecords() [][]string {
	changes := e.Changes
	if len(changes) == 0 {
		changes = []Change{{}}
	}
	office := ""
	if e.Resource.OfficeID != 0 {
		office = e.Resource.OfficeID.String()
	}
	status := ""
	if e.Outcome.Status != 0 {
		status = strconv.Itoa(e.Outcome.Status)
	}
	rows := make([][]string, 0, len(changes))
	for _, c := range changes {
		row := []string{
			e.At.UTC().Format(time.RFC3339), e.Actor.Email, e.Actor.Name, string(e.Credential),
			string(e.Resource.Kind), e.Resource.ID, e.Resource.Name, office,
			c.Field, c.Old, c.New, string(e.Outcome.Result), status, e.Outcome.Message,
		}
		for i := range row {
			row[i] = csvSafe(row[i])
		}
		rows = append(rows, row)
	}
	return rows
}

// WriteCSV writes every entry of q matching f, newest first, after a
// header row.
func WriteCSV(ctx context.Context, q Query, f Filter, w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader()); err != nil {
		return err
	}
	err := q.Each(ctx, f, func(e Entry) error { return cw.WriteAll(e.CSVRecords()) })
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from running a cell as a formula (OWASP's
// CSV injection advice), as the hours CSV does: names and Dialpad's
// messages are typed by people.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
