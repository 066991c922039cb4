// Samples for code/go/command-shell.
package tools
func run(name string) {
	// bulwark-expect: command-shell
	exec.Command("sh", "-c", "convert "+name+" out.png").Run()
	// bulwark-expect: command-shell
	exec.CommandContext(ctx, "/bin/bash", "-c", fmt.Sprintf("tar xf %s", name)).Run()
	// bulwark-ok: command-shell (the safe variant: no shell, separate arguments)
	exec.Command("convert", name, "out.png").Run()
	// bulwark-ok: command-shell (a fixed script)
	exec.Command("sh", "-c", "sync").Run()
}
