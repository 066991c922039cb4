# Samples for code/ruby/command-injection.
def convert(name)
  # bulwark-expect: command-injection
  system("convert #{name} out.png")
  # bulwark-expect: command-injection
  out = `du -sh #{params[:dir]}`
  # bulwark-ok: command-injection (the safe variant: separate arguments, no shell)
  system("convert", name, "out.png")
  # bulwark-ok: command-injection (a fixed command)
  system("sync")
  out
end
