package interrupt

// The -update flag, which `go test ./... -update` gives every package,
// is internal/golden's; this package has no golden files, but its test
// binary must know the flag, or refuse it and fail.
import _ "github.com/talkmeta/talkmeta/internal/golden"
