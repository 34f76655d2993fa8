module github.com/igolang/igo

go 1.26.0

require (
	github.com/creack/pty v1.1.24
	github.com/google/go-cmp v0.7.0
	github.com/rogpeppe/go-internal v1.16.0
	github.com/traefik/yaegi v0.16.1
	golang.org/x/term v0.48.0
	golang.org/x/tools v0.52.0
)

require golang.org/x/sys v0.50.0 // indirect
