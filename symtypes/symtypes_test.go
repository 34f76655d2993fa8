package symtypes_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/igolang/igo/stdlib"
	"github.com/igolang/igo/symtypes"
)

// check type-checks a function body that may use the given imports.
func check(t *testing.T, im types.Importer, imports []string, body string) error {
	t.Helper()
	var src strings.Builder
	src.WriteString("package p\n\nimport (\n")
	for _, p := range imports {
		if !strings.Contains(p, `"`) {
			p = `"` + p + `"`
		}
		src.WriteString("\t" + p + "\n")
	}
	src.WriteString(")\n\nfunc f() {\n" + body + "\n}\n")
	return checkSrc(t, im, src.String())
}

func checkSrc(t *testing.T, im types.Importer, src string) error {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, src)
	}
	conf := types.Config{Importer: im}
	_, err = conf.Check("p", fset, []*ast.File{f}, nil)
	return err
}

var good = []struct {
	imports []string
	body    string
}{
	{[]string{"net/http"}, `u := "http://x"; resp, err := http.Get(u); _ = err; _ = resp.Header.Get("X"); resp.Body.Close()`},
	{[]string{"time"}, `var d time.Duration = 3*time.Second; _ = d.String()`},
	{[]string{"strings"}, `var b strings.Builder; b.WriteString("x"); _ = b.Len()`},
	{[]string{"io", "os"}, `var w io.Writer = os.Stdout; _ = w`},
	{[]string{"io", "os", "bufio"}, `var r io.Reader = bufio.NewReader(os.Stdin); _ = r`},
	{[]string{"bufio"}, `s, err := bufio.NewReadWriter(nil, nil).ReadString('\n'); _, _ = s, err`},
	{[]string{"bufio"}, `rw := bufio.NewReadWriter(nil, nil); rw.Flush(); _ = rw.Reader.Buffered(); var _ interface{ WriteString(string) (int, error) } = rw`},
	{[]string{"math"}, `x := math.Pi * 2; var f float32 = math.Pi; _, _ = x, f`},
	{[]string{"math"}, `const c = math.MaxInt64; var u uint64 = math.MaxUint64; _ = u; var i8 int8 = math.MaxInt8; _ = i8; x := math.MaxFloat32; _ = x`},
	{[]string{"sort"}, `sort.Ints([]int{1})`},
	{[]string{"errors"}, `_ = errors.New("x").Error()`},
	{[]string{"sync"}, `var m sync.Mutex; m.Lock(); defer m.Unlock(); var once sync.Once; once.Do(func() {})`},
	{[]string{"context", "time"}, `ctx, cancel := context.WithTimeout(context.Background(), time.Second); defer cancel(); <-ctx.Done()`},
	{[]string{"encoding/json"}, `b, err := json.Marshal(map[string]any{}); _, _ = b, err`},
	{[]string{"errors", "os"}, `var err error; var e *os.PathError; _ = errors.As(err, &e); _ = e.Err`},
	{[]string{"fmt"}, `_ = fmt.Sprintf("%v", 1); fmt.Println(); fmt.Println(1, "a", nil); _, _ = fmt.Printf("%d\n", []any{1}...)`},
	{[]string{"math/rand"}, `_ = rand.Intn(3)`},
	{[]string{"reflect"}, `_ = reflect.TypeOf(1).Kind() == reflect.Int`},
	{[]string{"time"}, `t := time.Now(); _ = t.Add(time.Hour).Sub(t).Seconds(); var m time.Month = time.March; _ = m.String()`},
	{[]string{"unicode/utf8"}, `r := utf8.RuneError; var x rune = r; _ = x; _ = string(utf8.RuneError)`},
	{[]string{"os", "path/filepath"}, `var sep rune = os.PathSeparator; _ = sep; _ = filepath.Join("a", "b")`},
	{[]string{"net/http", "net/http/httptest"}, `rec := httptest.NewRecorder(); var w http.ResponseWriter = rec; w.WriteHeader(200); _ = rec.Body.String()`},
	{[]string{"net/http"}, `http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { _ = r.URL.Query().Get("q"); w.Header().Set("a", "b") }); srv := &http.Server{Addr: ":0"}; _ = srv.Close`},
	{[]string{"go/ast", "go/token"}, `var e ast.Expr = &ast.Ident{Name: "x"}; _ = e.(*ast.Ident); switch e.(type) { case *ast.CallExpr, *ast.BasicLit: }; var s ast.Stmt = &ast.ExprStmt{X: e}; _ = s; _ = token.ADD`},
	{[]string{"go/constant", "go/token"}, `var v constant.Value = constant.MakeInt64(1); _ = constant.BinaryOp(v, token.ADD, v)`},
	{[]string{"bytes", "io"}, `var buf bytes.Buffer; io.Copy(&buf, &buf); var _ io.ReadWriter = &buf; _ = buf.Bytes()[0] == 'x'`},
	{[]string{"strconv"}, `n, err := strconv.Atoi("1"); _ = n; var ne *strconv.NumError; _ = ne; _ = err`},
	{[]string{"text/template", "os"}, `tm := template.Must(template.New("x").Parse("{{.}}")); _ = tm.Execute(os.Stdout, 1)`},
	{[]string{"archive/zip"}, `var f *zip.File; _ = f.Name; _ = f.FileInfo(); _ = f.Mode(); rc, err := f.Open(); _, _ = rc, err`},
	{[]string{"math/rand/v2", `crand "crypto/rand"`, `mrand "math/rand"`}, `_ = rand.IntN(3); _ = mrand.Intn(3); _, _ = crand.Read(nil); var r *rand.Rand = rand.New(rand.NewPCG(1, 2)); _ = r.Float64()`},
	{[]string{"testing"}, `type myT struct{ *testing.T }; var _ testing.TB = myT{}; var _ testing.TB = (*testing.B)(nil); var _ testing.TB = (*testing.F)(nil)`},
	{[]string{"container/list"}, `l := list.New(); e := l.PushBack(1); _ = e.Value.(int)`},
	{[]string{"sync/atomic"}, `var n atomic.Int64; n.Add(1); var v atomic.Value; v.Store(1)`},
	{[]string{"log/slog"}, `slog.Info("x", "a", 1); var h slog.Handler = slog.NewTextHandler(nil, nil); _ = slog.New(h)`},
	{[]string{"net"}, `c, err := net.Dial("tcp", "x"); _ = err; _ = c.RemoteAddr().String(); var ip net.IP = net.ParseIP("::1"); _ = ip.To4()`},
}

func TestGood(t *testing.T) {
	im := symtypes.New(stdlib.Symbols)
	for _, tc := range good {
		if err := check(t, im, tc.imports, tc.body); err != nil {
			t.Errorf("%s: %v", tc.body, err)
		}
	}
}

func TestBad(t *testing.T) {
	im := symtypes.New(stdlib.Symbols)
	for _, tc := range []struct {
		imports []string
		body    string
		want    string
	}{
		{[]string{"time"}, `_ = time.Second + "x"`, "mismatched types"},
		{[]string{"strings"}, `_ = strings.NoSuch`, "undefined: strings.NoSuch"},
		{[]string{"time"}, `var s string = time.Second; _ = s`, "cannot use"},
		{[]string{"fmt"}, `fmt.Println`, "is not used"},
		{[]string{"strings"}, `var b strings.Builder; _ = b.buf`, "cannot refer to unexported field buf"},
		{[]string{"io"}, `var w io.Writer; w.Read(nil)`, "w.Read undefined"},
		{[]string{"time"}, `time.Sleep(1, 2)`, "too many arguments"},
		{[]string{"go/ast"}, `var e ast.Expr = &ast.File{}; _ = e`, "does not implement ast.Expr (missing method exprNode)"},
		{[]string{"sync", "strings"}, `var m sync.Mutex; n := m; _ = n == m; var a, b strings.Builder; _ = a == b`, "cannot be compared"},
		{[]string{"bufio"}, `var rw bufio.ReadWriter; rw.Reader.NoSuch()`, "undefined"},
		{[]string{"math"}, `var i int32 = math.MaxInt64; _ = i`, "overflows"},
		{[]string{"os"}, `var r rune = os.PathSeparator; var s string = os.PathSeparator; _, _ = r, s`, "cannot use"},
	} {
		err := check(t, im, tc.imports, tc.body)
		if err == nil {
			t.Errorf("%s: checked without error, want %q", tc.body, tc.want)
		} else if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %q, want %q", tc.body, err, tc.want)
		}
	}
}
