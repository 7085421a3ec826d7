"""Reference counts: each new reference to an object adds one, each one dropped takes one off."""

import sys

if __name__ == "__main__":
    shopping = ["bread", "milk"]
    # getrefcount's argument is one more, temporary, reference: the true count is one less
    print(f"one name:                      {sys.getrefcount(shopping)}")
    also = shopping
    print(f"a second name:                 {sys.getrefcount(shopping)}")
    basket = [shopping, shopping]
    print(f"two more, from inside a list:  {sys.getrefcount(shopping)}")
    del basket
    print(f"the list deleted:              {sys.getrefcount(shopping)}")
    del also
    print(f"the second name deleted:       {sys.getrefcount(shopping)}")
