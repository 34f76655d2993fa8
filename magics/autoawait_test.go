package magics_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo/magics"
)

// awaitEnv is a fakeEnv whose shell runs awaits.
type awaitEnv struct {
	*fakeEnv
	s magics.AwaitSettings
}

func (e *awaitEnv) Autoawait() magics.AwaitSettings { return e.s }

func (e *awaitEnv) SetAutoawait(s magics.AwaitSettings) error {
	switch s.Runner {
	case "goroutine", "inline", "group":
		e.s = s
		return nil
	}
	return fmt.Errorf("unknown runner %q (known: goroutine, group, inline)", s.Runner)
}

func TestAutoawait(t *testing.T) {
	for _, tt := range []struct {
		line    string
		want    magics.AwaitSettings
		out     string
		wantErr string
	}{
		{line: "%autoawait", out: "autoawait is `on`, runner `goroutine`, timeout none\n"},
		{line: "%autoawait off", want: magics.AwaitSettings{On: false, Runner: "goroutine"}},
		{line: "%autoawait FALSE", want: magics.AwaitSettings{On: false, Runner: "goroutine"}},
		{line: "%autoawait 1", want: magics.AwaitSettings{On: true, Runner: "goroutine"}},
		{line: "%autoawait inline", want: magics.AwaitSettings{On: true, Runner: "inline"}},
		{line: "%autoawait group --timeout 30s", want: magics.AwaitSettings{On: true, Runner: "group", Timeout: 30 * time.Second}},
		{line: "%autoawait --timeout=1m", want: magics.AwaitSettings{On: true, Runner: "goroutine", Timeout: time.Minute}},
		{line: "%autoawait --timeout soon", wantErr: `usage: %autoawait [on|off|RUNNER] [--timeout D]: bad timeout "soon": want a duration such as 30s`},
		{line: "%autoawait trio", wantErr: `usage: %autoawait [on|off|RUNNER] [--timeout D]: unknown runner "trio" (known: goroutine, group, inline)`},
		{line: "%autoawait -x", wantErr: `usage: %autoawait [on|off|RUNNER] [--timeout D]: flag provided but not defined: -x`},
	} {
		t.Run(tt.line, func(t *testing.T) {
			env := &awaitEnv{fakeEnv: &fakeEnv{reg: magics.Default()}, s: magics.AwaitSettings{On: true, Runner: "goroutine"}}
			start := env.s
			_, err := runAwait(env, tt.line)
			if tt.wantErr != "" {
				var ue *magics.UsageError
				if !errors.As(err, &ue) || err.Error() != tt.wantErr {
					t.Fatalf("error = %v, want UsageError %q", err, tt.wantErr)
				}
				if env.s != start {
					t.Errorf("a failed %%autoawait changed the settings to %+v", env.s)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.out != "" {
				if diff := cmp.Diff(tt.out, env.stdout()); diff != "" {
					t.Errorf("output (-want +got):\n%s", diff)
				}
				return
			}
			if env.s != tt.want {
				t.Errorf("settings = %+v, want %+v", env.s, tt.want)
			}
		})
	}
}

func runAwait(env *awaitEnv, cell string) (any, error) {
	segs, err := magics.Parse(cell, nil)
	if err != nil {
		return nil, err
	}
	return magics.Run(context.Background(), env, segs[0])
}
