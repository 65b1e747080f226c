// Command ferretdb-runner starts an embedded FerretDB v1 (SQLite handler) so tests can talk to a real
// MongoDB wire-protocol server without Docker or a mongod binary (no registry ships one).
//
// Usage: ferretdb-runner -listen 127.0.0.1:27018 -dir /tmp/sss-ferretdb/
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27018", "TCP address to listen on (loopback only for tests)")
	dir := flag.String("dir", "", "directory holding one .sqlite file per database (created if missing)")
	logLevel := flag.String("log-level", "warn", "debug | info | warn | error")
	flag.Parse()

	if *dir == "" {
		fail("-dir is required")
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		fail(err.Error())
	}
	// FerretDB's SQLite URL must name an existing directory and end with a slash, or New refuses it.
	if err := os.MkdirAll(abs, 0o755); err != nil {
		fail(err.Error())
	}
	if !strings.HasSuffix(abs, "/") {
		abs += "/"
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail("bad -log-level: " + err.Error())
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs,
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})),
	})
	if err != nil {
		fail(err.Error())
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	// MongoDBURI may block until the listener is up, which is exactly what a caller waiting for the
	// printed URI wants; it must only be called once Run has started (upstream warns of a deadlock).
	uriCh := make(chan string, 1)
	go func() { uriCh <- f.MongoDBURI() }()

	select {
	case uri := <-uriCh:
		fmt.Println(uri)
	case err := <-done:
		// Run returned before listening (e.g. port in use): report and exit non-zero.
		fail(fmt.Sprintf("ferretdb stopped before listening: %v", err))
	}

	if err := <-done; err != nil && ctx.Err() == nil {
		fail(fmt.Sprintf("ferretdb stopped: %v", err))
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "ferretdb-runner:", msg)
	os.Exit(1)
}
