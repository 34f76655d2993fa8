package magics

import (
	"context"
	"io"
	"os"
	"strings"
)

// An InputSetter is an Env whose front end can fill in the next input,
// for the user to edit and run; %load uses one.
type InputSetter interface {
	Env
	// SetNextInput makes text the next input, in place of an empty prompt.
	SetNextInput(text string)
}

// loadNote is what %load prints after a file's contents when the front end
// is not an [InputSetter].
const loadNote = "(%load: this front end cannot prefill the next input; the file's contents are above)"

func newLoad() Magic {
	u := Usage{
		Name: "load", Line: true,
		Args:    "FILE",
		Summary: "Load FILE into the next input, to edit and run it.",
		Doc: `The next prompt holds FILE's contents, as if typed: edit them, and run
them as a cell. A front end that cannot fill in the prompt prints the
contents instead, then a note. A leading ~ stands for the home directory;
quote a FILE that has blanks. %run runs a file at once.

    %load ~/snippets/plot.igo`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		args, err := a.Fields()
		if err != nil {
			return nil, err
		}
		if len(args) != 1 {
			return nil, a.Errorf(u, "want one FILE, have %d arguments (quote a FILE that has blanks)", len(args))
		}
		file, err := expandHome(args[0])
		if err != nil {
			return nil, err
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		text := string(data)
		if is, ok := env.(InputSetter); ok {
			is.SetNextInput(text)
			return nil, nil
		}
		if text != "" && !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		_, err = io.WriteString(env.Stdout(), text+loadNote+"\n")
		return nil, err
	})
}
