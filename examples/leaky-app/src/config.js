module.exports = {
  region: 'eu-west-1',
  accessKeyId: 'AKIAMOY2M4AZBEYXLRJC',
  secretAccessKey: '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',
  githubToken: process.env.GITHUB_TOKEN,
};
