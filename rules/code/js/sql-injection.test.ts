// Samples for code/js/sql-injection in a NestJS controller.
import { Controller, Get, Query } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';

@Controller('users')
export class UsersController {
  constructor(
    private readonly ds: DataSource,
    private readonly usersRepository: Repository<User>,
  ) {}

  @Get()
  find(@Query('name') name: string) {
    // bulwark-expect: sql-injection (the DataSource under a short name)
    return this.ds.query(`SELECT * FROM users WHERE name = '${name}'`);
  }

  @Get('by-repo')
  findByRepo(@Query('name') name: string) {
    // bulwark-expect: sql-injection (Repository.query runs raw SQL)
    return this.usersRepository.query(`SELECT * FROM users WHERE name = '${name}'`);
  }

  @Get('safe')
  findSafe(@Query('name') name: string) {
    // bulwark-ok: sql-injection (a placeholder, the value passed apart)
    return this.usersRepository.query('SELECT * FROM users WHERE name = $1', [name]);
  }

  @Get('search')
  search(@Query('q') q: string) {
    // bulwark-ok: sql-injection (a search client's query, not SQL)
    return this.searchClient.query({ text: q });
  }
}
