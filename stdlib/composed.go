package stdlib

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"reflect"
)

// A value of an interpreted type passed as an io.Reader, io.Writer or
// http.ResponseWriter is wrapped in the interface's wrapper (_io_Reader,
// generated with the table), which has the interface's methods only. The
// standard library looks for more: io.Copy for WriteTo and ReadFrom, a
// WebSocket upgrade for http.Hijacker. MapTypes gives yaegi, for each of
// these interfaces, wrappers with the extra methods, the richest first,
// to use when the value has them.

type readerWriterTo struct {
	IValue   any
	WRead    func(p []byte) (int, error)
	WWriteTo func(w io.Writer) (int64, error)
}

func (w readerWriterTo) Read(p []byte) (int, error)           { return w.WRead(p) }
func (w readerWriterTo) WriteTo(dst io.Writer) (int64, error) { return w.WWriteTo(dst) }

type writerReaderFrom struct {
	IValue    any
	WWrite    func(p []byte) (int, error)
	WReadFrom func(r io.Reader) (int64, error)
}

func (w writerReaderFrom) Write(p []byte) (int, error)           { return w.WWrite(p) }
func (w writerReaderFrom) ReadFrom(src io.Reader) (int64, error) { return w.WReadFrom(src) }

type responseWriterHijacker struct {
	IValue       any
	WHeader      func() http.Header
	WWrite       func(p []byte) (int, error)
	WWriteHeader func(statusCode int)
	WHijack      func() (net.Conn, *bufio.ReadWriter, error)
}

func (w responseWriterHijacker) Header() http.Header         { return w.WHeader() }
func (w responseWriterHijacker) Write(p []byte) (int, error) { return w.WWrite(p) }
func (w responseWriterHijacker) WriteHeader(statusCode int)  { w.WWriteHeader(statusCode) }
func (w responseWriterHijacker) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return w.WHijack()
}

func init() {
	MapTypes[reflect.ValueOf((*_io_Reader)(nil))] = []reflect.Type{reflect.TypeFor[readerWriterTo]()}
	MapTypes[reflect.ValueOf((*_io_Writer)(nil))] = []reflect.Type{reflect.TypeFor[writerReaderFrom]()}
	MapTypes[reflect.ValueOf((*_net_http_ResponseWriter)(nil))] = []reflect.Type{reflect.TypeFor[responseWriterHijacker]()}
}
