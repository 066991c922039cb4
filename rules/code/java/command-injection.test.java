// Samples for code/java/command-injection.
class Tools {
  void convert(String name) throws IOException {
    // bulwark-expect: command-injection
    Runtime.getRuntime().exec("convert " + name + " out.png");
    Runtime rt = Runtime.getRuntime();
    // bulwark-expect: command-injection
    rt.exec(String.format("sh -c 'tar xf %s'", name));
    // bulwark-ok: command-injection (the safe variant: separate arguments, no shell)
    new ProcessBuilder("convert", name, "out.png").start();
    // bulwark-ok: command-injection (a fixed command)
    Runtime.getRuntime().exec("sync");
  }

  void list(HttpServletRequest req) throws IOException {
    // bulwark-expect: command-injection
    new ProcessBuilder("sh", "-c", "ls " + req.getParameter("dir")).start();
    // bulwark-expect: command-injection
    Runtime.getRuntime().exec(new String[] { "/bin/bash", "-c", req.getParameter("cmd") });
    // bulwark-ok: command-injection (a fixed shell command)
    new ProcessBuilder("sh", "-c", "ls /tmp").start();
  }
}
