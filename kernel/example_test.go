package kernel_test

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/igolang/igo/kernel"
)

func ExampleCodec() {
	codec, err := kernel.NewCodec("hmac-sha256", []byte("a0436f6c-1916-498b-8eb9-e81ab9368e84"))
	if err != nil {
		log.Fatal(err)
	}
	frames := codec.Encode(&kernel.Message{
		Identities: [][]byte{[]byte("client")},
		Header:     kernel.Header{MsgID: "1", MsgType: "kernel_info_request", Version: kernel.ProtocolVersion},
	})
	fmt.Printf("%s %s, signature of %d hex digits\n", frames[0], frames[1], len(frames[2]))

	m, err := codec.Decode(frames)
	fmt.Println(m.Header.MsgType, string(m.Content), err)

	frames[6] = []byte(`{"code": "os.Exit(1)"}`) // the content, tampered with
	_, err = codec.Decode(frames)
	fmt.Println(err)
	// Output:
	// client <IDS|MSG>, signature of 64 hex digits
	// kernel_info_request {} <nil>
	// bad message signature
}

func ExampleSpec_Install() {
	prefix, err := os.MkdirTemp("", "igo")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(prefix)
	dir, err := kernel.NewSpec("/usr/local/bin/igo").Install(kernel.PrefixKernelsDir(prefix), kernel.DefaultName)
	if err != nil {
		log.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		log.Fatal(err)
	}
	var spec kernel.Spec
	json.Unmarshal(data, &spec)
	fmt.Println(filepath.Base(dir), spec.Argv, spec.DisplayName, spec.InterruptMode)
	// Output:
	// igo [/usr/local/bin/igo kernel -f {connection_file}] Go (igo) message
}
