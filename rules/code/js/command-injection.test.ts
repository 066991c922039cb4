// Samples for code/js/command-injection: NestJS handlers, whose decorated parameters are request data.
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { exec, execFile } from 'child_process';

@Controller('net')
export class NetController {
  @Get('ping')
  ping(@Query('host') host: string): void {
    // bulwark-expect: command-injection
    exec(`ping ${host}`);
    // bulwark-ok: command-injection (the safe variant: no shell, the host is one argument)
    execFile('ping', ['-c', '1', host]);
  }

  @Post('convert')
  convert(@Body() body: { file: string }): void {
    // bulwark-expect: command-injection
    exec('convert ' + body.file + ' out.png');
  }

  uptime(label: string): void {
    // bulwark-ok: command-injection (a parameter with no request decorator)
    exec(`uptime # ${label}`);
  }
}
