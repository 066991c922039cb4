import { describe, expect, it } from 'vitest';

import { licenseFromMetadata } from '../../../src/proxy/pypi/core-metadata.js';
import { versionOfFile } from '../../../src/proxy/pypi/filenames.js';
import { negotiate } from '../../../src/proxy/pypi/negotiate.js';

describe('versionOfFile', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['requests', 'requests-2.31.0-py3-none-any.whl', '2.31.0'],
    ['python-dateutil', 'python_dateutil-2.8.2-py2.py3-none-any.whl', '2.8.2'],
    ['numpy', 'numpy-1.26.0-1-cp311-cp311-manylinux_2_17_x86_64.whl', '1.26.0'],
    ['python-dateutil', 'python-dateutil-2.8.2.tar.gz', '2.8.2'],
    ['zope.interface', 'zope.interface-6.0.zip', '6.0'],
    ['Django', 'Django-4.2.tar.gz', '4.2'],
    ['requests', 'requests-2.0.0.exe', undefined],
    ['requests', 'other-1.0.tar.gz', undefined],
    ['requests', 'broken.whl', undefined],
  ];
  it.each(cases)('%s %s is version %s', (project, file, version) => {
    expect(versionOfFile(project, file)).toBe(version);
  });
});

describe('negotiate (PEP 691)', () => {
  const cases: Array<[string | undefined, string | undefined]> = [
    [undefined, 'html'],
    [
      'application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01',
      'json',
    ],
    ['text/html, application/vnd.pypi.simple.v1+json;q=0.5', 'html'],
    ['application/vnd.pypi.simple.latest+html', 'html-v1'],
    ['*/*', 'html'],
    ['application/json', undefined],
    ['application/vnd.pypi.simple.v1+json;q=0', undefined],
  ];
  it.each(cases)('Accept %j gives %s', (accept, format) => {
    expect(negotiate(accept)).toBe(format);
  });
});

describe('licenseFromMetadata', () => {
  const cases: Array<[string, string | undefined]> = [
    [
      'Metadata-Version: 2.4\nName: x\nLicense-Expression: MIT OR Apache-2.0\nLicense: BSD\n',
      'MIT OR Apache-2.0',
    ],
    ['Metadata-Version: 2.1\nName: x\nLicense: BSD-3-Clause\n', 'BSD-3-Clause'],
    ['Metadata-Version: 2.1\nName: x\nLicense: UNKNOWN\n', undefined],
    ['Metadata-Version: 2.1\nName: x\n\nLicense: in the body, not a header\n', undefined],
    [
      'Metadata-Version: 2.1\nName: x\nLicense: Apache 2.0\nClassifier: License :: OSI Approved :: MIT License\n',
      'MIT',
    ],
    [
      'Metadata-Version: 2.1\nName: x\nLicense: BSD\nClassifier: License :: OSI Approved :: ISC License (ISCL)\n',
      'ISC',
    ],
    [
      'Metadata-Version: 2.1\nName: x\nClassifier: License :: OSI Approved :: GNU General Public License v3 (GPLv3)\nClassifier: License :: OSI Approved :: MIT License\n',
      'GPL-3.0-only OR MIT',
    ],
    [
      'Metadata-Version: 2.1\nName: x\nLicense: Apache 2.0\nClassifier: License :: OSI Approved :: Apache Software License\n',
      'Apache 2.0',
    ],
  ];
  it.each(cases)('%j declares %s', (text, license) => {
    expect(licenseFromMetadata(text)).toBe(license);
  });
});
