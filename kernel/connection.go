package kernel

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"strconv"
)

// ConnectionInfo is the connection file Jupyter writes for a kernel it
// starts: where to listen and the key that signs messages.
type ConnectionInfo struct {
	Transport       string `json:"transport"` // "tcp" or "ipc"
	IP              string `json:"ip"`
	ShellPort       int    `json:"shell_port"`
	IOPubPort       int    `json:"iopub_port"`
	StdinPort       int    `json:"stdin_port"`
	ControlPort     int    `json:"control_port"`
	HBPort          int    `json:"hb_port"`
	Key             string `json:"key"`
	SignatureScheme string `json:"signature_scheme"`
	KernelName      string `json:"kernel_name,omitempty"`
}

// ReadConnectionFile reads and checks a connection file.
func ReadConnectionFile(path string) (*ConnectionInfo, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c ConnectionInfo
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("connection file %s: %v", path, err)
	}
	if err := c.check(); err != nil {
		return nil, fmt.Errorf("connection file %s: %v", path, err)
	}
	return &c, nil
}

func (c *ConnectionInfo) check() error {
	if c.Transport == "" {
		c.Transport = "tcp"
	}
	if c.Transport != "tcp" && c.Transport != "ipc" {
		return fmt.Errorf("unknown transport %q (want tcp or ipc)", c.Transport)
	}
	if c.IP == "" {
		return fmt.Errorf("no ip")
	}
	for _, p := range []int{c.ShellPort, c.IOPubPort, c.StdinPort, c.ControlPort, c.HBPort} {
		if p < 0 || p > 65535 {
			return fmt.Errorf("bad port %d", p)
		}
	}
	if _, err := NewCodec(c.SignatureScheme, nil); err != nil {
		return err
	}
	return nil
}

// Endpoint is the ZeroMQ address of port: tcp://IP:PORT, or, for the ipc
// transport, ipc://IP-PORT as Jupyter names the files.
func (c *ConnectionInfo) Endpoint(port int) string {
	if c.Transport == "ipc" {
		return "ipc://" + c.IP + "-" + strconv.Itoa(port)
	}
	ip := c.IP
	if ip == "*" {
		ip = "0.0.0.0"
	}
	return "tcp://" + net.JoinHostPort(ip, strconv.Itoa(port))
}
