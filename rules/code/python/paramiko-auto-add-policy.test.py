# Samples for code/python/paramiko-auto-add-policy.
import paramiko
client = paramiko.SSHClient()
# bulwark-expect: paramiko-auto-add-policy
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
# bulwark-expect: paramiko-auto-add-policy
client.set_missing_host_key_policy(paramiko.WarningPolicy())
# bulwark-ok: paramiko-auto-add-policy (the safe variant: known hosts, default reject policy)
client.load_system_host_keys()
# bulwark-ok: paramiko-auto-add-policy (explicit reject)
client.set_missing_host_key_policy(paramiko.RejectPolicy())
