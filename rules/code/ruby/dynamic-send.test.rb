# Samples for code/ruby/dynamic-send.
class ReportsController < ApplicationController
  def run
    # bulwark-expect: dynamic-send
    @report.send(params[:op])
    # bulwark-expect: dynamic-send
    klass = params[:type].constantize
    # bulwark-ok: dynamic-send (the safe variant: an allow-listed name)
    @report.public_send(ALLOWED_OPS.fetch(params[:op]))
    # bulwark-ok: dynamic-send (a fixed method name)
    @report.send(:refresh)
  end
end
