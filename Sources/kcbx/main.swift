print("kcbx")
