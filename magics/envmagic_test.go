package magics_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEnvMagic(t *testing.T) {
	t.Setenv("IGO_TEST_A", "1")
	t.Setenv("IGO_TEST_API_KEY", "s3cret")
	tests := []struct {
		in     string
		value  any
		stdout string
		set    map[string]string
		err    string
	}{
		{in: "%env IGO_TEST_A", value: "1"},
		{in: "%env IGO_TEST_API_KEY", value: "s3cret"},
		{in: "%env IGO_TEST_B=two words", stdout: "env: IGO_TEST_B=two words\n", set: map[string]string{"IGO_TEST_B": "two words"}},
		{in: "%env IGO_TEST_B three", stdout: "env: IGO_TEST_B=three\n", set: map[string]string{"IGO_TEST_B": "three"}},
		{in: `%env IGO_TEST_B "x=y"`, stdout: "env: IGO_TEST_B=x=y\n", set: map[string]string{"IGO_TEST_B": "x=y"}},
		{in: "%env IGO_TEST_B=", stdout: "env: IGO_TEST_B=\n", set: map[string]string{"IGO_TEST_B": ""}},
		{in: "%env IGO_TEST_NONE", err: "usage: %env [VAR[=VALUE]]: environment does not have key: IGO_TEST_NONE"},
		{in: "%env =x", err: `usage: %env [VAR[=VALUE]]: bad variable name ""`},
	}
	for _, tt := range tests {
		t.Setenv("IGO_TEST_B", "") // restored after the test
		env := newEnv()
		v, err := env.run(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%s: error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if v != tt.value {
			t.Errorf("%s = %#v, want %#v", tt.in, v, tt.value)
		}
		if got := env.stdout(); got != tt.stdout {
			t.Errorf("%s printed %q, want %q", tt.in, got, tt.stdout)
		}
		for k, want := range tt.set {
			if got := os.Getenv(k); got != want {
				t.Errorf("after %s, %s=%q, want %q", tt.in, k, got, want)
			}
		}
	}
}

func TestEnvMagicList(t *testing.T) {
	t.Setenv("IGO_TEST_A", "1")
	t.Setenv("IGO_TEST_API_KEY", "s3cret")
	t.Setenv("IGO_TEST_PASSWORD", "s3cret")

	env := newEnv()
	if _, err := env.run("%env"); err != nil {
		t.Fatal(err)
	}
	var got []string
	for l := range strings.SplitSeq(env.stdout(), "\n") {
		if strings.HasPrefix(l, "IGO_TEST_") {
			got = append(got, l)
		}
	}
	want := []string{"IGO_TEST_A=1", "IGO_TEST_API_KEY=<hidden>", "IGO_TEST_PASSWORD=<hidden>"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%%env lines (-want +got):\n%s", diff)
	}

	v, err := env.run("e := %env")
	if err != nil {
		t.Fatal(err)
	}
	m, ok := v.(map[string]string)
	if !ok || m["IGO_TEST_A"] != "1" || m["IGO_TEST_API_KEY"] != "<hidden>" {
		t.Errorf("e := %%env = %T with IGO_TEST_A=%q IGO_TEST_API_KEY=%q, want a map[string]string with 1 and <hidden>", v, m["IGO_TEST_A"], m["IGO_TEST_API_KEY"])
	}
	if out := env.stdout(); out != "" {
		t.Errorf("e := %%env printed %q, want nothing", out)
	}
}
