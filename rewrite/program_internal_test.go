package rewrite

import "testing"

// TestPromptPasses: every pass a program does without is one of the
// pipeline's (a misspelt name would let it run on programs).
func TestPromptPasses(t *testing.T) {
	names := map[string]bool{}
	for _, p := range pipeline {
		names[p.name] = true
	}
	for n := range promptPasses {
		if !names[n] {
			t.Errorf("promptPasses names %q, which is not a pass of the pipeline", n)
		}
	}
	if len(programPasses)+len(promptPasses) != len(pipeline) {
		t.Errorf("%d program passes + %d prompt passes != %d passes", len(programPasses), len(promptPasses), len(pipeline))
	}
}
