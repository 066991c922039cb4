# Samples for code/ruby/sql-injection.
class UsersController < ApplicationController
  def search
    # bulwark-expect: sql-injection
    @users = User.where("name = '#{params[:name]}'")
    # bulwark-expect: sql-injection
    @rows = ActiveRecord::Base.connection.execute("DELETE FROM carts WHERE id = #{params[:id]}")
    # bulwark-ok: sql-injection (the safe variant: a placeholder)
    @safe = User.where("name = ?", params[:name])
    # bulwark-ok: sql-injection (a hash condition is escaped)
    @hash = User.where(name: params[:name])
  end
end
