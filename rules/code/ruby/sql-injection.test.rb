# Samples for code/ruby/sql-injection.
class UsersController < ApplicationController
  TABLE = "users"

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

  def show
    # bulwark-expect: sql-injection
    @user = User.find_by_sql("SELECT * FROM users WHERE id = " + params[:id])
    sql = "DELETE FROM carts WHERE owner = '" + params[:owner] + "'"
    # bulwark-expect: sql-injection
    ActiveRecord::Base.connection.execute(sql)
    # bulwark-ok: sql-injection (only a constant is added)
    @count = User.count_by_sql("SELECT count(*) FROM " + TABLE)
  end
end
